import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Snyk Apps: authorization code grant with PKCE; the authorize page is on app.snyk.io, every other OAuth endpoint on
 * api.snyk.io. The installing user picks the Snyk Organization (or Group) the app is installed to. Access tokens are
 * short-lived and come with a refresh token. The REST API wants a `version` query parameter on every call.
 */
export const snyk = {
  id: 'snyk',
  displayName: 'Snyk',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'snyk',
  // (read 2026-12-03); the endpoints: https://docs.snyk.io/snyk-api/oauth2-api
  docs: 'https://docs.snyk.io/snyk-api/using-specific-snyk-apis/snyk-apps-apis/set-up-a-snyk-app-using-the-oauth2-api/quick-setup',
  setup:
    'Create a Snyk App (with the Snyk API or `snyk apps create`) with the redirect URI `{publicUrl}/api/auth/snyk/handler/frame` and the scopes your app calls (`org.read` at least); keep the client secret it returns.',
  authorizeUri: 'https://app.snyk.io/oauth2/authorize',
  tokenUri: 'https://api.snyk.io/oauth2/token',
  revokeUri: 'https://api.snyk.io/oauth2/revoke',
  // The app's scopes must be requested; org.read reads the Organization it is installed to.
  scopes: { default: ['org.read'], required: [], separator: ' ' },
  // The code and refresh exchanges send client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // https://docs.snyk.io/snyk-api/reference/users: GET /rest/self, the token's user.
  account: {
    userInfoUri: 'https://api.snyk.io/rest/self?version=2024-06-10',
    idPath: 'data.id',
    displayNamePath: 'data.attributes.name',
  },
  // The provider's API for the proxy: https://docs.snyk.io/snyk-api/rest-api/about-the-rest-api
  // REST calls add `?version=YYYY-MM-DD` themselves; the v1 API is under /v1.
  api: { baseUrl: 'https://api.snyk.io' },
} satisfies Partial<ProviderSpecInput>;
