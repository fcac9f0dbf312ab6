import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Airtable: OAuth 2.0 with PKCE required and space-separated scopes (at least one). Access tokens last 60 minutes;
 * each refresh returns a new refresh token, which expires 60 days after issue (`refresh_expires_in`), so idle
 * accounts get a keep-alive. Client credentials go in HTTP Basic when the integration has a secret. No revocation
 * endpoint.
 */
export const airtable = {
  id: 'airtable',
  displayName: 'Airtable',
  type: 'oauth2',
  category: 'data',
  logo: 'airtable',
  docs: 'https://airtable.com/developers/web/api/oauth-reference',
  setup:
    'Register an OAuth integration at https://airtable.com/create/oauth with the redirect URI `{publicUrl}/api/auth/airtable/handler/frame`, the scopes `user.email:read` plus those your app calls, and generate a client secret.',
  authorizeUri: 'https://airtable.com/oauth2/v1/authorize',
  tokenUri: 'https://airtable.com/oauth2/v1/token',
  // Airtable requires at least one scope; user.email:read adds the email to whoami.
  scopes: { default: ['user.email:read'], required: [], separator: ' ' },
  // With a client secret, Airtable's token requests carry `Authorization: Basic`.
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.airtable.com/v0/meta/whoami', idPath: 'id', displayNamePath: 'email' },
  // Each refresh returns a new refresh token; the previous one is spent.
  rotatesRefreshTokens: true,
  // Refresh tokens expire 60 days after issue (`refresh_expires_in`); 14 days.
  keepAliveSeconds: 1_209_600,
  // The provider's API for the proxy: https://airtable.com/developers/web/api/authentication (read 2026-12-03)
  // Calls are `https://api.airtable.com/v0/…` with the OAuth token as a bearer token.
  api: { baseUrl: 'https://api.airtable.com' },
} satisfies Partial<ProviderSpecInput>;
