import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Deel (global payroll and HR): authorization code grant on app.deel.com (the OAuth server moved there from its
 * own host in API v1.27); the code is exchanged at `/oauth2/tokens` with the client id and secret as HTTP Basic
 * credentials, for an access token and a refresh token. Scopes are space-separated `resource:read|write` pairs.
 * The sandbox is demo.deel.com.
 */
export const deel = {
  id: 'deel',
  displayName: 'Deel',
  type: 'oauth2',
  category: 'hr',
  // (read 2026-12-03)
  docs: 'https://developer.deel.com/api/oauth',
  setup:
    'In Deel go to More > Developer, create an app (an organization app for organization-wide data) with the redirect URI `{publicUrl}/api/auth/deel/handler/frame` and copy its client id and secret. For the sandbox override the endpoints with https://demo.deel.com.',
  // https://developer.deel.com/changelog/v1-27 and https://developer.deel.com/v2.3.0/docs/getting-started-1
  authorizeUri: 'https://app.deel.com/oauth2/authorize',
  tokenUri: 'https://app.deel.com/oauth2/tokens',
  // organizations:read lets the organizations call below identify the account.
  scopes: { default: ['organizations:read'], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  // GET /rest/v2/organizations answers `{data: [{id, name, …}]}`: the organization the token belongs to first.
  account: {
    userInfoUri: 'https://api.letsdeel.com/rest/v2/organizations',
    idPath: 'data.0.id',
    displayNamePath: 'data.0.name',
  },
  // The provider's API for the proxy: https://developer.deel.com/api/authentication (bearer tokens on
  // api.letsdeel.com/rest/v2).
  api: { baseUrl: 'https://api.letsdeel.com/rest/v2' },
} satisfies Partial<ProviderSpecInput>;
