import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Kick: OAuth 2.1 on id.kick.com (PKCE with S256 required) and the public API on api.kick.com. The token request
 * carries the client id and secret in the form body; user tokens come with a refresh token, replaced on each refresh.
 * `user:read` lets
 * `/public/v1/users` (no ids: the caller) name the account, answered in a `{"data": [...]}` envelope.
 */
export const kick = {
  id: 'kick',
  displayName: 'Kick',
  type: 'oauth2',
  category: 'social',
  logo: 'kick',
  // Kick's developer docs, "Generating tokens (OAuth 2.1 flow)": id.kick.com, code_challenge with S256 required,
  // client_id and client_secret as form fields, "refresh both access and refresh codes" (read 2026-12-03)
  docs: 'https://github.com/KickEngineering/KickDevDocs/blob/main/getting-started/generating-tokens-oauth2-flow.md',
  setup:
    'Enable two-factor authentication on your Kick account, then create an app under Settings > Developer with the redirect URL `{publicUrl}/api/auth/kick/handler/frame` and the scopes your app needs (at least user:read).',
  authorizeUri: 'https://id.kick.com/oauth/authorize',
  tokenUri: 'https://id.kick.com/oauth/token',
  // Scope names: https://github.com/KickEngineering/KickDevDocs/blob/main/scopes/scopes.md
  scopes: { default: ['user:read'], required: ['user:read'], separator: ' ' },
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // GET /public/v1/users (apis/users.md in the same repository). The `{"data": [{"user_id", "name"}]}` shape is not
  // confirmed from Kick's documentation: its schema lives in https://api.kick.com/swagger/doc.yaml, not read here;
  // `user_id` is how Kick's event payloads name users.
  account: {
    userInfoUri: 'https://api.kick.com/public/v1/users',
    idPath: 'data.0.user_id',
    displayNamePath: 'data.0.name',
  },
  api: { baseUrl: 'https://api.kick.com/public' },
} satisfies Partial<ProviderSpecInput>;
