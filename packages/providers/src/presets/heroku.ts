import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Heroku: web application authorization at id.heroku.com. Access tokens (`HRKU-…`) expire after 8 hours and come with a
 * refresh token; scopes name levels of access (`identity`, `read`, `write`, `global`). The Platform API wants its
 * version in the Accept header on every call, the userinfo call included.
 */
export const heroku = {
  id: 'heroku',
  displayName: 'Heroku',
  type: 'oauth2',
  category: 'dev-tools',
  // (read 2026-12-03)
  docs: 'https://devcenter.heroku.com/articles/oauth',
  setup:
    'Register an API client at https://dashboard.heroku.com/account/applications (or `heroku clients:create`) with the OAuth callback URL `{publicUrl}/api/auth/heroku/handler/frame`. `identity` (read your account) is the default scope; add `read` or `write` for apps.',
  authorizeUri: 'https://id.heroku.com/oauth/authorize',
  tokenUri: 'https://id.heroku.com/oauth/token',
  // identity: read-only access to the account, which is what identifying the user takes.
  scopes: { default: ['identity'], required: [], separator: ' ' },
  // The web flow's token exchange passes client_secret as a form parameter.
  clientAuthLocation: 'body',
  // https://devcenter.heroku.com/articles/platform-api-reference#account-info
  account: {
    userInfoUri: 'https://api.heroku.com/account',
    headers: { Accept: 'application/vnd.heroku+json; version=3' },
    idPath: 'id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: https://devcenter.heroku.com/articles/platform-api-reference
  // Every request names the API version in Accept ("Clients should specify version 3").
  api: { baseUrl: 'https://api.heroku.com', headers: { Accept: 'application/vnd.heroku+json; version=3' } },
} satisfies Partial<ProviderSpecInput>;
