import type { ProviderSpecInput } from '@tokenvault/core';
import { github } from './github.js';

/**
 * GitHub App user access tokens: the same authorize and token endpoints as OAuth apps (`github` preset, spread here,
 * with its HTTP 200 errors and `User-Agent` header), but the app's permissions replace scopes and, unless the app opts
 * out, a user token expires after 8 hours and comes with a refresh token valid for 6 months. Using a refresh token
 * invalidates it and the old access token: refresh tokens rotate, single use.
 */
export const githubApp = {
  ...github,
  id: 'github-app',
  displayName: 'GitHub App',
  // (read 2026-12-03)
  docs: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-user-access-token-for-a-github-app',
  setup:
    'Register a GitHub App under Settings > Developer settings > GitHub Apps with the callback URL `{publicUrl}/api/auth/github-app/handler/frame`, keep "Expire user authorization tokens" on, choose its permissions (they replace OAuth scopes) and generate a client secret. Users must install the app on the accounts or organizations whose resources it reads.',
  // A GitHub App's permissions are set on the app; the authorize request names no scope.
  scopes: { default: [], required: [], separator: ' ' },
  // Expiring user tokens come with a refresh token: https://docs.github.com/en/apps/creating-github-apps/
  // authenticating-with-a-github-app/refreshing-user-access-tokens ("Once you use a refresh token, that refresh
  // token and the old user access token will no longer work").
  noRefreshToken: false,
  rotatesRefreshTokens: true,
  // The refresh token lives 6 months from issue: refresh at least monthly so an idle account keeps a live one.
  keepAliveSeconds: 2_592_000,
} satisfies Partial<ProviderSpecInput>;
