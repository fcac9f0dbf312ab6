import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Etsy Open API v3: authorization code with PKCE required (S256), token endpoint
 * `https://api.etsy.com/v3/public/oauth/token`. Access tokens last one hour; refresh tokens 90 days. Every API call,
 * including `/v3/application/users/me`, also needs the app's API key in an `x-api-key` header, which only the
 * configuration knows (see setup). Scopes are space-separated (e.g. `shops_r`).
 */
export const etsy = {
  id: 'etsy',
  displayName: 'Etsy',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'etsy',
  // Etsy's OAuth 2.0 implementation, PKCE and scopes: (read 2026-12-03)
  docs: 'https://developers.etsy.com/documentation/essentials/authentication/',
  setup:
    "Create an app in Etsy's developer portal (Your Apps) and register `{publicUrl}/api/auth/etsy/handler/frame` as a callback URL. Etsy wants the app's API key on every call: set `account.headers: {x-api-key: <keystring>}` and `api.headers: {x-api-key: <keystring>}` in the configuration (the client id is the keystring).",
  authorizeUri: 'https://www.etsy.com/oauth/connect',
  tokenUri: 'https://api.etsy.com/v3/public/oauth/token',
  // shops_r lets the app read the seller's shop; users/me works with any scope.
  scopes: { default: ['shops_r'], required: [], separator: ' ' },
  // The token request names the app by client_id (the keystring) in the form body.
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://openapi.etsy.com/v3/application/users/me', idPath: 'user_id' },
  // The Open API v3 host; the configuration adds the `x-api-key` header (see setup).
  api: { baseUrl: 'https://openapi.etsy.com/v3' },
} satisfies Partial<ProviderSpecInput>;
