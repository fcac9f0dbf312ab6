import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Discord: standard authorization code grant with PKCE (S256) and an RFC 7009 revocation endpoint.
 * Access tokens last 7 days (`expires_in: 604800`); every code exchange returns a refresh token, which the
 * refresh grant trades for a new pair. The token and revocation endpoints accept only form bodies.
 */
export const discord = {
  id: 'discord',
  displayName: 'Discord',
  type: 'oauth2',
  category: 'communication',
  logo: 'discord',
  docs: 'https://discord.com/developers/docs/topics/oauth2',
  setup:
    'Create an application in the Discord Developer Portal (https://discord.com/developers/applications) and, under OAuth2, add the redirect {publicUrl}/api/auth/discord/handler/frame; copy its client id and secret.',
  authorizeUri: 'https://discord.com/oauth2/authorize',
  tokenUri: 'https://discord.com/api/oauth2/token',
  // RFC 7009, `token` as a form field; also listed in https://discord.com/.well-known/oauth-authorization-server
  revokeUri: 'https://discord.com/api/oauth2/token/revoke',
  // `identify` is what GET /users/@me needs (without the email); nothing more is needed for a refresh token.
  scopes: { default: ['identify'], required: ['identify'], separator: ' ' },
  // The docs accept HTTP Basic or the form body; Basic keeps the secret out of the body.
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://discord.com/api/users/@me', idPath: 'id', displayNamePath: 'username' },
  // The provider's API for the proxy: https://discord.com/developers/docs/reference (read 2026-12-03): base URL
  // https://discord.com/api, versioned (`/v10`); OAuth2 user tokens as bearer tokens.
  api: { baseUrl: 'https://discord.com/api/v10' },
} satisfies Partial<ProviderSpecInput>;
