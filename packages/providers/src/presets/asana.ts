import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Asana: OAuth 2.0 with PKCE at app.asana.com; access tokens last one hour and the refresh token is long-lived.
 * Apps registered with granular permission scopes must request them (`users:read` lets `/users/me` identify the
 * user). The API wraps every answer in `data`. Revocation at `/-/oauth_revoke`.
 */
export const asana = {
  id: 'asana',
  displayName: 'Asana',
  type: 'oauth2',
  category: 'productivity',
  logo: 'asana',
  docs: 'https://developers.asana.com/docs/oauth',
  setup:
    'Create an app in the Asana developer console (My apps) with the redirect URL `{publicUrl}/api/auth/asana/handler/frame`, select the permission scopes `users:read` plus those your app calls, and set Manage distribution to the workspaces that may install it.',
  authorizeUri: 'https://app.asana.com/-/oauth_authorize',
  tokenUri: 'https://app.asana.com/-/oauth_token',
  // "The endpoint for revoking a token is POST https://app.asana.com/-/oauth_revoke" (docs, quick reference).
  revokeUri: 'https://app.asana.com/-/oauth_revoke',
  // developers.asana.com/docs/oauth-scopes: users:read covers GET /users/{user_gid}, including `me`.
  scopes: { default: ['users:read'], required: [], separator: ' ' },
  // Asana's token exchange sends client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://app.asana.com/api/1.0/users/me', idPath: 'data.gid', displayNamePath: 'data.name' },
  // The provider's API for the proxy: https://developers.asana.com/docs/using-curl (read 2026-12-03)
  // "API endpoints are relative to the following base URL: https://app.asana.com/api/1.0"; bearer token.
  api: { baseUrl: 'https://app.asana.com/api/1.0' },
} satisfies Partial<ProviderSpecInput>;
