import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * GitHub OAuth apps: authorization code (PKCE accepted) at github.com; tokens never expire and come without a refresh
 * token. GitHub Apps (and OAuth apps opted into token expiration) issue 8-hour tokens with a 6-month refresh token
 * that is single-use: such a configuration sets `noRefreshToken: false` and `rotatesRefreshTokens: true`.
 * The token endpoint answers errors (`bad_verification_code`, `bad_refresh_token`) with HTTP 200. No RFC 7009
 * revocation: GitHub revokes grants through `DELETE /applications/{client_id}/grant`, a JSON API.
 */
export const github = {
  id: 'github',
  displayName: 'GitHub',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'github',
  // (read 2026-12-03, as github/docs content/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps.md)
  docs: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  setup:
    'Register an OAuth app (or a GitHub App) under Settings > Developer settings with the callback URL `{publicUrl}/api/auth/github/handler/frame`. For GitHub Enterprise Server, override `authorizeUri`, `tokenUri` and `account.userInfoUri` (`https://<host>/api/v3/user`) with your host.',
  // GET /login/oauth/authorize and POST /login/oauth/access_token (the page above). PKCE (S256 only) is accepted and
  // recommended, not required: https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication
  // (read 2026-12-03; the stored copy of the docs page above still says it is not supported).
  authorizeUri: 'https://github.com/login/oauth/authorize',
  tokenUri: 'https://github.com/login/oauth/access_token',
  // `scope` is "a space-delimited list" (the page above).
  scopes: { default: ['read:user'], required: [], separator: ' ' },
  // client_id and client_secret are parameters of the token request (the page above).
  clientAuthLocation: 'body',
  // OAuth app tokens do not expire and have no refresh token. Expiring tokens (GitHub Apps, opt-out): "The user
  // access token expires after eight hours, and the refresh token expires after six months", and "Once you use a
  // refresh token, that refresh token and the old user access token will no longer work"
  // (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens,
  // read 2026-12-03).
  noRefreshToken: true,
  account: { userInfoUri: 'https://api.github.com/user', idPath: 'id', displayNamePath: 'login' },
  // GitHub and Slack answer errors with HTTP 200: GitHub's token endpoint sends `{error: 'bad_verification_code'}`
  // and the like (https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors,
  // read 2026-12-03), and GitHub's own client throws on any successful answer carrying `error`
  // (https://github.com/octokit/oauth-methods.js, src/utils.ts `oauthRequest`, read 2026-12-03).
  errorsWithStatus200: true,
  // The provider's API for the proxy: https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api
  // GitHub rejects requests without a `User-Agent` and recommends the JSON media type and an explicit API version
  // (developer.github.com/changes/26: "User Agent mandatory").
  api: {
    baseUrl: 'https://api.github.com',
    headers: {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'tokenvault',
    },
  },
} satisfies Partial<ProviderSpecInput>;
