import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Kick: OAuth 2.1 on id.kick.com (PKCE with S256 required) and the public API on api.kick.com. The token request
 * carries the client id and secret in the form body; user tokens come with a refresh token. `user:read` lets
 * `/public/v1/users` (no ids: the caller) name the account, answered in a `{"data": [...]}` envelope.
 */
export const kick = {
  id: 'kick',
  displayName: 'Kick',
  type: 'oauth2',
  category: 'social',
  logo: 'kick',
  // Kick's developer docs, "Generating tokens (OAuth 2.1 flow)": (read 2026-12-03)
  docs: 'https://github.com/KickEngineering/KickDevDocs/blob/main/getting-started/generating-tokens-oauth2-flow.md',
  setup:
    'Enable two-factor authentication on your Kick account, then create an app under Settings > Developer with the redirect URL `{publicUrl}/api/auth/kick/handler/frame` and the scopes your app needs (at least user:read).',
  authorizeUri: 'https://id.kick.com/oauth/authorize',
  tokenUri: 'https://id.kick.com/oauth/token',
  scopes: { default: ['user:read'], required: ['user:read'], separator: ' ' },
  clientAuthLocation: 'body',
  account: {
    userInfoUri: 'https://api.kick.com/public/v1/users',
    idPath: 'data.0.user_id',
    displayNamePath: 'data.0.name',
  },
  api: { baseUrl: 'https://api.kick.com/public' },
} satisfies Partial<ProviderSpecInput>;
