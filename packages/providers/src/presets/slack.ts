import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Slack (OAuth v2, "Add to Slack"), kept for the user's own token: Slack reads `scope` as bot scopes and
 * `user_scope` as user scopes, and nests the user token under `authed_user` in the code exchange (a refresh answers
 * flat). Tokens never expire unless the app turns on token rotation (12-hour tokens, single-use refresh tokens).
 * Errors come as `{ok: false}` with HTTP 200. Scopes go in `user_scope` (`scopes.param`), so configured and
 * requested scopes, step-up included, are user scopes; this preset asks for no bot scopes.
 */
export const slack = {
  id: 'slack',
  displayName: 'Slack',
  type: 'oauth2',
  category: 'communication',
  // (read 2026-12-03)
  docs: 'https://docs.slack.dev/authentication/installing-with-oauth',
  setup:
    'Create an app at https://api.slack.com/apps, add the redirect URL `{publicUrl}/api/auth/slack/handler/frame` under OAuth & Permissions and list your User Token Scopes there. The scopes you configure or request are sent as user scopes (`user_scope`); `users:read` is the default.',
  authorizeUri: 'https://slack.com/oauth/v2/authorize',
  tokenUri: 'https://slack.com/api/oauth.v2.access',
  // User scopes, in `user_scope`; Slack issues a user token only for those (no bot scopes: `scope` is not sent).
  scopes: { default: ['users:read'], required: [], separator: ',', param: 'user_scope' },
  // oauth.v2.access: "If possible, avoid sending client_id and client_secret as parameters in your request and
  // instead supply the Client ID and Client Secret using the HTTP Basic authentication scheme"; it also takes
  // `code_verifier` (PKCE) and `refresh_token` (https://docs.slack.dev/reference/methods/oauth.v2.access, read
  // 2026-12-03).
  clientAuthLocation: 'headers',
  // auth.test needs no scope and names the token's user (docs.slack.dev/reference/methods/auth.test).
  account: { userInfoUri: 'https://slack.com/api/auth.test', idPath: 'user_id', displayNamePath: 'user' },
  // Slack's code exchange puts the user's token under `authed_user`, beside the bot token at the top.
  tokenResponse: { path: 'authed_user' },
  // GitHub and Slack answer errors with HTTP 200: Slack sends `{ok: false, error}`.
  errorsWithStatus200: true,
  // User ids are per workspace: keep the workspace the token belongs to.
  metadata: ['team.id'],
  // "Without token rotation, the access token never expires. With token rotation, it expires every 12 hours", and
  // each refresh revokes the refresh token used for a new one
  // (https://docs.slack.dev/authentication/using-token-rotation, read 2026-12-03).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://docs.slack.dev/apis/web-api
  // Web API methods are `/{family.method}`. The account's token is the user token (`authed_user`), so calls act as
  // the user, never as the app's bot.
  api: { baseUrl: 'https://slack.com/api' },
} satisfies Partial<ProviderSpecInput>;
