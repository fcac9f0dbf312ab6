import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Slack (OAuth v2, "Add to Slack"), kept for the user's own token: Slack reads `scope` as bot scopes and
 * `user_scope` as user scopes, and nests the user token under `authed_user` in the code exchange (a refresh answers
 * flat). Tokens never expire unless the app turns on token rotation (12-hour tokens, single-use refresh tokens).
 * Errors come as `{ok: false}` with HTTP 200. The schema cannot send `scopes` as `user_scope`, so user scopes are an
 * `extra.authorize` parameter (see setup), and scope step-up cannot add user scopes.
 */
export const slack = {
  id: 'slack',
  displayName: 'Slack',
  type: 'oauth2',
  docs: 'https://docs.slack.dev/authentication/installing-with-oauth',
  setup:
    'Create an app at https://api.slack.com/apps, add the redirect URL `{publicUrl}/api/auth/slack/handler/frame` under OAuth & Permissions and list your User Token Scopes there. Request user scopes by overriding `extra.authorize.user_scope` (comma-separated, at least one), not `scopes`, which Slack reads as bot scopes.',
  authorizeUri: 'https://slack.com/oauth/v2/authorize',
  tokenUri: 'https://slack.com/api/oauth.v2.access',
  // Bot scopes: none, this preset keeps only the user token.
  scopes: { default: [], required: [], separator: ',' },
  // oauth.v2.access asks for client_id and client_secret through HTTP Basic rather than as parameters.
  clientAuthLocation: 'headers',
  // Slack issues a user token only for the user scopes named in `user_scope`.
  extra: { authorize: { user_scope: 'users:read' } },
  // auth.test needs no scope and names the token's user (docs.slack.dev/reference/methods/auth.test).
  account: { userInfoUri: 'https://slack.com/api/auth.test', idPath: 'user_id', displayNamePath: 'user' },
  // Slack's code exchange puts the user's token under `authed_user`, beside the bot token at the top.
  tokenResponse: { path: 'authed_user' },
  // GitHub and Slack answer errors with HTTP 200: Slack sends `{ok: false, error}`.
  errorsWithStatus200: true,
  // User ids are per workspace: keep the workspace the token belongs to.
  metadata: ['team.id'],
  // With token rotation on, each refresh token works once (docs.slack.dev/authentication/using-token-rotation).
  rotatesRefreshTokens: true,
} satisfies Partial<ProviderSpecInput>;
