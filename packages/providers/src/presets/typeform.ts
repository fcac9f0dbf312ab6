import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Typeform: authorization code grant at api.typeform.com. A refresh token comes only with the `offline` scope ("Always
 * add the offline scope to receive a refresh token"). Scopes are space-separated (`+` in Typeform's examples, the URL
 * form of a space). Accounts on Typeform's EU data center (api.typeform.eu) have their own authorization server and
 * need the endpoints overridden.
 */
export const typeform = {
  id: 'typeform',
  displayName: 'Typeform',
  type: 'oauth2',
  category: 'marketing',
  logo: 'typeform',
  // (read 2026-12-03: urlAuthorize and urlAccessToken); scopes: https://www.typeform.com/developers/get-started/scopes/
  docs: 'https://www.typeform.com/developers/get-started/applications/',
  setup:
    'Register an app under your organization > Developer apps with the redirect URI `{publicUrl}/api/auth/typeform/handler/frame`; copy the client secret, shown once. For the EU data center, override `authorizeUri`, `tokenUri`, `account.userInfoUri` and `api.baseUrl` with api.typeform.eu.',
  authorizeUri: 'https://api.typeform.com/oauth/authorize',
  tokenUri: 'https://api.typeform.com/oauth/token',
  // accounts:read lets GET /me identify the account; "Always add the offline scope to receive a refresh token"
  // (the scopes page, read 2026-12-03).
  scopes: { default: ['accounts:read', 'offline'], required: ['offline'], separator: ' ' },
  // Typeform's example app exchanges the code with passport-oauth2, which sends client_id and client_secret as form
  // parameters (https://github.com/Typeform/results-example, index.js).
  clientAuthLocation: 'body',
  // GET /me ("Retrieve basic information from your Typeform account", scope accounts:read, on the scopes page). Its
  // `user_id` and `alias` fields are not confirmed from Typeform's documentation (the /me reference was not readable
  // here): from other integrations.
  account: { userInfoUri: 'https://api.typeform.com/me', idPath: 'user_id', displayNamePath: 'alias' },
  // The provider's API for the proxy: https://www.typeform.com/developers/create/ (the official SDK's
  // API_BASE_URL, https://github.com/Typeform/js-api-client, src/constants/index.ts).
  api: { baseUrl: 'https://api.typeform.com' },
} satisfies Partial<ProviderSpecInput>;
