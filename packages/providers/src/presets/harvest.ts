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
  // Not confirmed from Harvest's documentation: the OAuth2 section of the page above was not readable here (only its
  // opening, on personal access tokens), and Harvest's own samples use the implicit flow and never call a token
  // endpoint (https://github.com/harvesthq/harvest_api_samples, every commit searched 2026-12-03). This is the Harvest
  // ID token endpoint as third-party integrations call it.
  tokenUri: 'https://id.getharvest.com/api/v2/oauth2/token',
  // Scopes name accounts (`harvest:{ACCOUNT_ID}`, `harvest:all`, `all`); none asked: the app's registration decides.
  scopes: { default: [], required: [] },
  // client_id and client_secret as form fields: how Harvest documents its earlier per-account token endpoint
  // (https://help.getharvest.com/api-v1/authentication/authentication/server-side-apps/, read 2026-12-03: a form
  // POST, an 18-hour access token and a refresh token); not confirmed for Harvest ID's endpoint.
  clientAuthLocation: 'body',
  // The accounts list: `{"user": {"id", "first_name", "last_name", "email"}, "accounts": […]}`, at the path and with
  // the shape Harvest's own v2 OAuth sample uses (`accountsUrl` and its decoders in v2/oauth/src/Main.elm, read
  // 2026-12-03). The /api/v2/accounts path used before is not in any Harvest source read here.
  account: {
    userInfoUri: 'https://id.getharvest.com/api/v1/accounts',
    idPath: 'user.id',
    displayNamePath: 'user.email',
    // The first account the token reaches, for the Harvest-Account-Id header (a Forecast account when the app also
    // asks for Forecast and that comes first: each account names its `product`).
    metadata: { fields: { harvest_account_id: 'accounts.0.id' } },
  },
  // The provider's API for the proxy: https://help.getharvest.com/api-v2/introduction/overview/general/ (read
  // 2026-12-03): https://api.harvestapp.com/v2/…, Bearer token plus the Harvest-Account-Id and User-Agent headers.
  api: { baseUrl: 'https://api.harvestapp.com/v2', headers: { 'Harvest-Account-Id': '{metadata.harvest_account_id}' } },
} satisfies Partial<ProviderSpecInput>;
