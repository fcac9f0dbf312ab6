import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mastodon: every server (instance) is its own authorization server, so the instance host is entered when
 * connecting and the app must be registered on that instance (`POST /api/v1/apps`) to get a client id and secret.
 * Access tokens do not expire and come without a refresh token; they last until the user revokes the app.
 * `read:accounts` lets `/api/v1/accounts/verify_credentials` name the account.
 */
export const mastodon = {
  id: 'mastodon',
  displayName: 'Mastodon',
  type: 'oauth2',
  category: 'social',
  logo: 'mastodon',
  // OAuth endpoints `/oauth/authorize`, `/oauth/token` (client_id and client_secret as form fields), `/oauth/revoke`;
  // grant types authorization_code and client_credentials only, no refresh (read 2026-12-03)
  docs: 'https://docs.joinmastodon.org/methods/oauth/',
  setup:
    'Register an application on the instance (Preferences > Development > New application, or `POST /api/v1/apps`) with the redirect URI `{publicUrl}/api/auth/mastodon/handler/frame` and the scopes your app needs. Client ids belong to one instance: set `params.instance.default` to it.',
  authorizeUri: 'https://{instance}/oauth/authorize',
  tokenUri: 'https://{instance}/oauth/token',
  revokeUri: 'https://{instance}/oauth/revoke',
  params: {
    instance: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+',
      description: 'the Mastodon server host, e.g. mastodon.social',
    },
  },
  // Granular scopes, space-separated: https://docs.joinmastodon.org/api/oauth-scopes/ (read 2026-12-03)
  scopes: { default: ['read:accounts'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // "Verify account credentials" needs `profile` or `read:accounts`; the Account has `id` and `acct` (read 2026-12-03):
  // https://docs.joinmastodon.org/methods/accounts/#verify_credentials
  account: {
    userInfoUri: 'https://{instance}/api/v1/accounts/verify_credentials',
    idPath: 'id',
    displayNamePath: 'acct',
  },
  api: { baseUrl: 'https://{instance}/api' },
} satisfies Partial<ProviderSpecInput>;
