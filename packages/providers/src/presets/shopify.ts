import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Shopify: authorization code grant against each shop's own host (`https://{shop}.myshopify.com/admin/oauth/…`):
 * the shop is a per-account value entered when connecting (`/start?shop=…`). Offline tokens never expired until
 * December 2025; with `expiring=1` on the code exchange they last one hour and come with a refresh token that
 * Shopify replaces on every use (public apps created from 1 April 2026 must use them, older ones from 1 January
 * 2027). The Admin API wants the token in
 * `X-Shopify-Access-Token`, not as a bearer token (`account.tokenHeader`); the account is the shop.
 */
export const shopify = {
  id: 'shopify',
  displayName: 'Shopify',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'shopify',
  // (read 2026-12-03)
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
  setup:
    'Create an app in the Shopify Dev Dashboard and add {publicUrl}/api/auth/shopify/handler/frame as an allowed redirect URL. The configuration names the access scopes (e.g. read_products); the app passes the shop when connecting: `/api/auth/shopify/start?shop=<name>&…` for <name>.myshopify.com.',
  // Per shop. No revocation endpoint: access ends when the app is uninstalled.
  authorizeUri: 'https://{shop}.myshopify.com/admin/oauth/authorize',
  tokenUri: 'https://{shop}.myshopify.com/admin/oauth/access_token',
  params: {
    shop: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the shop, as in <shop>.myshopify.com' },
  },
  // Scopes are app-specific and comma-separated; the configuration names them.
  scopes: { default: [], required: [], separator: ',' },
  clientAuthLocation: 'body',
  extra: {
    authorize: {},
    // Without it Shopify mints a non-expiring offline token and no refresh token. With it the answer carries
    // `expires_in` (3600) and a `refresh_token`: https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
    // (read 2026-12-03). Public apps created on or after 1 April 2026 must use expiring tokens, older ones from
    // 1 January 2027: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
    // (read 2026-12-03).
    token: { expiring: '1' },
    refresh: {},
  },
  // https://shopify.dev/docs/api/admin-rest/latest/resources/shop: the shop the token belongs to. 2025-01 is past its
  // 12-month support; Shopify "falls forward when your selected version becomes inaccessible" to the oldest supported
  // one (https://shopify.dev/docs/api/usage/versioning, read 2026-12-03), which still serves `shop.id` and `shop.name`.
  account: {
    userInfoUri: 'https://{shop}.myshopify.com/admin/api/2025-01/shop.json',
    tokenHeader: 'X-Shopify-Access-Token',
    idPath: 'shop.id',
    displayNamePath: 'shop.name',
  },
  // "Shopify replaces its refresh token every time your app uses it":
  // https://shopify.dev/docs/apps/build/security/credentials-and-data/use-expiring-offline-access-tokens (read
  // 2026-12-03). Since 28 August 2026 the previous refresh token stays valid until the app uses its replacement
  // (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens, read 2026-12-03).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://shopify.dev/docs/api/admin-rest
  // The Admin API (REST and `/graphql.json`) is on the shop's host and takes the token in `X-Shopify-Access-Token`.
  api: {
    baseUrl: 'https://{shop}.myshopify.com/admin/api',
    auth: { type: 'header', name: 'X-Shopify-Access-Token' },
  },
} satisfies Partial<ProviderSpecInput>;
