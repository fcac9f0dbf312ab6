import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Eventbrite: authorization code grant at www.eventbrite.com, with the app's API key as the client id. The access token
 * does not expire and comes without a refresh token; the API answers at www.eventbriteapi.com/v3.
 */
export const eventbrite = {
  id: 'eventbrite',
  displayName: 'Eventbrite',
  type: 'oauth2',
  category: 'marketing',
  // (read 2026-12-03)
  docs: 'https://www.eventbrite.com/platform/docs/authentication',
  setup:
    'Create an API key at https://www.eventbrite.com/account-settings/apps with the OAuth redirect URI `{publicUrl}/api/auth/eventbrite/handler/frame`; the API key is the client id and the client secret is shown beside it.',
  authorizeUri: 'https://www.eventbrite.com/oauth/authorize',
  tokenUri: 'https://www.eventbrite.com/oauth/token',
  // Eventbrite has no scopes: a token reaches what the user can.
  scopes: { default: [], required: [], separator: ' ' },
  // The code exchange posts client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // The token never expires and there is no refresh token.
  noRefreshToken: true,
  // https://www.eventbrite.com/platform/api#/reference/user/retrieve-your-user
  account: { userInfoUri: 'https://www.eventbriteapi.com/v3/users/me/', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: https://www.eventbrite.com/platform/api
  api: { baseUrl: 'https://www.eventbriteapi.com/v3' },
} satisfies Partial<ProviderSpecInput>;
