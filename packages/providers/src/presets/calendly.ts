import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Calendly: authorization code grant with PKCE (recommended for every app); web clients authenticate with HTTP
 * Basic. Access tokens last two hours; refresh tokens never expire until used and are single-use: each refresh
 * revokes the old one and returns a new one. The token response names the user's and organization's URIs
 * (`owner`, `organization`), which most API calls need.
 */
export const calendly = {
  id: 'calendly',
  displayName: 'Calendly',
  type: 'oauth2',
  category: 'marketing',
  logo: 'calendly',
  docs: 'https://developer.calendly.com/how-to-access-calendly-data-on-behalf-of-authenticated-users',
  setup:
    'Create an OAuth application (kind "web") in your Calendly developer account (https://developer.calendly.com), add {publicUrl}/api/auth/calendly/handler/frame as a redirect URI and select the scopes it needs, at least users:read.',
  authorizeUri: 'https://auth.calendly.com/oauth/authorize',
  tokenUri: 'https://auth.calendly.com/oauth/token',
  // Revoke Access/Refresh Token: `token` as a form field.
  revokeUri: 'https://auth.calendly.com/oauth/revoke',
  // Since March 2026 new apps get no API access without scopes; GET /users/me needs users:read:
  // https://developer.calendly.com/docs/authentication/scopes
  scopes: { default: ['users:read'], required: ['users:read'], separator: ' ' },
  // "Web clients: pass client_id and client_secret via Basic HTTP Authorization header":
  // https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token
  clientAuthLocation: 'headers',
  account: {
    userInfoUri: 'https://api.calendly.com/users/me',
    idPath: 'resource.uri',
    displayNamePath: 'resource.name',
  },
  metadata: ['owner', 'organization'],
  // https://developer.calendly.com/refresh-token-rotation-guide
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://developer.calendly.com/api-docs/calendly-api/users/get-user (read 2026-12-03):
  // `GET https://api.calendly.com/users/{uuid}` with an `Authorization` bearer token.
  api: { baseUrl: 'https://api.calendly.com' },
} satisfies Partial<ProviderSpecInput>;
