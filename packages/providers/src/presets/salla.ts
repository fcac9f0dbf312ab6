import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Salla (e-commerce platform, Saudi Arabia and the Gulf): authorization code grant at accounts.salla.sa for apps
 * registered in the Salla Partners portal; a merchant installs the app into one store and the token acts for that
 * store. A refresh token comes only with the `offline_access` scope; access tokens last 14 days. The Merchant API is
 * at api.salla.dev/admin/v2.
 */
export const salla = {
  id: 'salla',
  displayName: 'Salla',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'salla',
  // Salla's own OAuth 2.0 client for PHP (the provider, its resource owner and its README; read 2026-12-03)
  docs: 'https://github.com/SallaApp/oauth2-merchant',
  setup:
    'Create an app in the Salla Partners portal, choose its scopes and set its OAuth callback URL to `{publicUrl}/api/auth/salla/handler/frame`; copy its client id and secret. A merchant connects by approving the app for one of their stores.',
  // `https://accounts.salla.sa` + `/oauth2/auth`, `/oauth2/token` and `/oauth2/user/info`: Salla's PHP provider
  // (src/Provider/Salla.php) and Salla's Passport strategy (https://github.com/SallaApp/passport-strategy,
  // src/strategy.js), both read 2026-12-03.
  authorizeUri: 'https://accounts.salla.sa/oauth2/auth',
  tokenUri: 'https://accounts.salla.sa/oauth2/token',
  // "If you want to generate the refresh token, set this value as offline_access" (the PHP provider's README). The
  // other scopes are chosen on the app in the portal. Salla's two clients disagree on the separator (`,` in the PHP
  // provider, a space in the Passport strategy); with the one scope asked here it does not show.
  scopes: { default: ['offline_access'], required: ['offline_access'], separator: ' ' },
  // The Passport strategy posts a form with `client_id` and `client_secret` for the code exchange and for refreshes
  // (`getOAuthAccessToken` in src/strategy.js), as the PHP provider does through its OAuth library.
  clientAuthLocation: 'body',
  // `/oauth2/user/info` answers `{data: {id, name, email, …, merchant: {id, username, name, …}}}`: the PHP provider's
  // SallaUser reads `data.id` for the user and `data.merchant.id` for the store (src/Provider/SallaUser.php). The
  // token acts for one store, so the store is the account: a user who installs the app in two stores gets two
  // accounts.
  account: {
    userInfoUri: 'https://accounts.salla.sa/oauth2/user/info',
    idPath: 'data.merchant.id',
    displayNamePath: 'data.merchant.name',
  },
  // The Merchant API for the proxy: https://api.salla.dev/admin/v2 (`/orders`, `/customers` … in the Passport
  // strategy's src/api.js).
  api: { baseUrl: 'https://api.salla.dev/admin/v2' },
} satisfies Partial<ProviderSpecInput>;
