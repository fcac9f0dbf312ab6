import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * monday.com, OAuth 2.1 flow (the only one for new apps): PKCE is required, access tokens are short-lived JWTs and
 * refresh tokens rotate on every use. Quirks: the token response does not reliably carry `expires_in` (the JWT's
 * `exp` is the authority), and the API is GraphQL over POST only, so the account is found by POSTing
 * `{ me { id name } }` (account.userInfoBody). An account admin must install the app before users can connect.
 */
export const monday = {
  id: 'monday',
  displayName: 'monday.com',
  type: 'oauth2',
  category: 'productivity',
  docs: 'https://developer.monday.com/apps/docs/oauth-2-1',
  setup:
    'Create an app in the monday.com Developer Center, add {publicUrl}/api/auth/monday/handler/frame under OAuth & Permissions > Redirect URLs, select its scopes (at least me:read) and promote the version to live; an admin of each account installs the app first.',
  authorizeUri: 'https://auth.monday.com/oauth2/authorize',
  // The OAuth 2.1 token endpoint; the legacy https://auth.monday.com/oauth2/token issues non-expiring tokens and
  // stops being accepted by API version 2027-04 (https://developer.monday.com/apps/docs/oauth-2-0).
  tokenUri: 'https://auth.monday.com/oauth_ms/oauth/token',
  // No revokeUri: https://auth.monday.com/oauth_ms/oauth/revoke exists, but its request format is not documented
  // as a form with `token`.
  scopes: { default: ['me:read'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // developer.monday.com/api-reference/reference/me: the GraphQL `me` query names the token's user.
  account: {
    userInfoUri: 'https://api.monday.com/v2',
    userInfoBody: '{"query":"{ me { id name } }"}',
    idPath: 'data.me.id',
    displayNamePath: 'data.me.name',
  },
  // The access token is a JWT whose `exp` the engine does not read; assume a short life so it is refreshed in time.
  defaultTokenLifetimeSeconds: 1800,
  // "Token rotation is handled by the platform":
  // https://developer-community.monday.com/product-updates/join-the-beta-oauth-2-1-for-monday-apps-5273
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://developer.monday.com/api-reference/docs/getting-started (read 2026-12-03):
  // "Our API endpoint is: https://api.monday.com/v2", token in the `Authorization` header; an `API-Version`
  // header picks a version (the caller may send one).
  // One GraphQL endpoint: POST to the base URL itself.
  api: { baseUrl: 'https://api.monday.com/v2' },
} satisfies Partial<ProviderSpecInput>;
