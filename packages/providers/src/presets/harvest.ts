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
  // Server-side apps send the user to https://id.getharvest.com/oauth2/authorize (same page, "OAuth2 application").
  authorizeUri: 'https://id.getharvest.com/oauth2/authorize',
  tokenUri: 'https://id.getharvest.com/api/v2/oauth2/token',
  // Scopes name accounts (`harvest:{ACCOUNT_ID}`, `harvest:all`, `all`); none asked: the app's registration decides.
  scopes: { default: [], required: [] },
  // The code exchange sends client_id and client_secret as form fields.
  clientAuthLocation: 'body',
  // GET /api/v2/accounts: the user (`user.id`, `user.first_name` …) and the accounts the token reaches.
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
