import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Twitch: an OpenID provider with discovery at https://id.twitch.tv/oauth2, used here so the account comes from
 * the ID token (Twitch's Helix API also demands a `Client-Id` header, which the userinfo call cannot send).
 * The token endpoint takes the client secret in the form body; access tokens last a few hours and refresh tokens
 * may change on refresh. Quirk: token responses carry `scope` as a JSON array, not a space-separated string.
 */
export const twitch = {
  id: 'twitch',
  displayName: 'Twitch',
  type: 'oidc',
  category: 'social',
  logo: 'twitch',
  docs: 'https://dev.twitch.tv/docs/authentication/getting-tokens-oidc/',
  setup:
    'Register an application in the Twitch Developer Console (https://dev.twitch.tv/console/apps) as a confidential client and add {publicUrl}/api/auth/twitch/handler/frame as an OAuth redirect URL.',
  issuer: 'https://id.twitch.tv/oauth2',
  // Takes `client_id` and `token` as form fields: https://dev.twitch.tv/docs/authentication/revoke-tokens
  revokeUri: 'https://id.twitch.tv/oauth2/revoke',
  scopes: { default: ['openid'], required: ['openid'], separator: ' ' },
  // Discovery advertises only client_secret_post.
  clientAuthLocation: 'body',
  extra: {
    // The ID token carries only `sub` unless other claims are requested (OIDC Core §5.5); this adds the login name.
    authorize: { claims: '{"id_token":{"preferred_username":null}}' },
    token: {},
    refresh: {},
  },
  account: { idPath: 'sub', displayNamePath: 'preferred_username' },
  // Refresh behaviour: https://dev.twitch.tv/docs/authentication/refresh-tokens/
  // The provider's API for the proxy: https://dev.twitch.tv/docs/api/ (read 2026-12-03); Twitch's developer forum
  // (discuss.dev.twitch.tv/t/authenticating-with-the-twitch-api/29237) states both headers are needed.
  // Helix also wants the app's `Client-Id` header: add it in the configuration (`api: {headers: {Client-Id:
  // <clientId>}}`).
  api: { baseUrl: 'https://api.twitch.tv/helix' },
} satisfies Partial<ProviderSpecInput>;
