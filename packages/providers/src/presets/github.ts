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
  docs: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  setup:
    'Register an OAuth app (or a GitHub App) under Settings > Developer settings with the callback URL `{publicUrl}/api/auth/github/handler/frame`. For GitHub Enterprise Server, override `authorizeUri`, `tokenUri` and `account.userInfoUri` (`https://<host>/api/v3/user`) with your host.',
  authorizeUri: 'https://github.com/login/oauth/authorize',
  tokenUri: 'https://github.com/login/oauth/access_token',
  scopes: { default: ['read:user'], required: [], separator: ' ' },
  // GitHub documents client_id and client_secret as parameters of the token request body.
  clientAuthLocation: 'body',
  // OAuth app tokens do not expire and have no refresh token. Expiring tokens: docs.github.com/en/apps/
  // creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
  noRefreshToken: true,
  account: { userInfoUri: 'https://api.github.com/user', idPath: 'id', displayNamePath: 'login' },
  // GitHub and Slack answer errors with HTTP 200: GitHub's token endpoint sends `{error: 'bad_refresh_token'}`.
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
