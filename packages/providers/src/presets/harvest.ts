import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Harvest (time tracking): authorization code grant at Harvest ID (id.getharvest.com), one login for the Harvest
 * and Forecast accounts a user belongs to; the code exchange returns a refresh token. Every call to the Harvest API
 * names the account in a `Harvest-Account-Id` header: the first account of the userinfo answer is kept and sent by
 * default (an app sends its own header for another account). The `User-Agent` Harvest asks for names the app, so
 * the app sends it (or the configuration adds it to `api.headers`).
 */
export const harvest = {
  id: 'harvest',
  displayName: 'Harvest',
  type: 'oauth2',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
  setup:
    'Create an OAuth2 application in the Developers section of Harvest ID (https://id.getharvest.com/developers) with the redirect URL {publicUrl}/api/auth/harvest/handler/frame; choose the products (Harvest, Forecast) and whether one or several accounts may be connected.',
  // Harvest's own OAuth sample sends the user to https://id.getharvest.com/oauth2/authorize (read 2026-12-03):
  // https://github.com/harvesthq/harvest_api_samples/blob/HEAD/v2/oauth/src/Main.elm
  authorizeUri: 'https://id.getharvest.com/oauth2/authorize',
  // Not confirmed from Harvest's documentation (the OAuth2 section of the page above was not readable, and the sample
  // uses the implicit flow): the Harvest ID token endpoint as third-party integrations call it.
  tokenUri: 'https://id.getharvest.com/api/v2/oauth2/token',
  // Scopes name accounts (`harvest:{ACCOUNT_ID}`, `harvest:all`, `all`); none asked: the app's registration decides.
  scopes: { default: [], required: [] },
  // The code exchange sends client_id and client_secret as form fields.
  clientAuthLocation: 'body',
  // The accounts list: `{"user": {"id", "first_name", "last_name", "email"}, "accounts": […]}` as decoded by the same
  // sample, which calls /api/v1/accounts; the /api/v2/accounts path is not confirmed from Harvest's documentation.
  account: {
    userInfoUri: 'https://id.getharvest.com/api/v2/accounts',
    idPath: 'user.id',
    displayNamePath: 'user.email',
    // The first account the token reaches, for the Harvest-Account-Id header.
    metadata: { fields: { harvest_account_id: 'accounts.0.id' } },
  },
  // The provider's API for the proxy: https://help.getharvest.com/api-v2/introduction/overview/general/ (read
  // 2026-12-03): https://api.harvestapp.com/v2/…, Bearer token plus the Harvest-Account-Id and User-Agent headers.
  api: { baseUrl: 'https://api.harvestapp.com/v2', headers: { 'Harvest-Account-Id': '{metadata.harvest_account_id}' } },
} satisfies Partial<ProviderSpecInput>;
