import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Shopify: authorization code grant against each shop's own host (`https://{shop}.myshopify.com/admin/oauth/…`),
 * so the endpoints come from the configuration, one provider entry per shop. Offline tokens never expired until
 * December 2025; with `expiring=1` on the code exchange they last one hour and come with a refresh token that
 * Shopify replaces on every use (public apps must use them from 1 January 2027). The Admin API wants the token in
 * `X-Shopify-Access-Token`, not as a bearer token, so no userinfo endpoint the engine can call exists yet.
 */
export const shopify = {
  id: 'shopify',
  displayName: 'Shopify',
  type: 'oauth2',
  docs: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
  setup:
    'Create an app in the Shopify Dev Dashboard and add {publicUrl}/api/auth/shopify/handler/frame as an allowed redirect URL. Endpoints are per shop, so the configuration gives them for one shop: authorizeUri https://{shop}.myshopify.com/admin/oauth/authorize and tokenUri https://{shop}.myshopify.com/admin/oauth/access_token, plus the access scopes (e.g. read_products).',
  // No authorizeUri/tokenUri: they are per shop (see setup). No revocation endpoint: access ends when the app is
  // uninstalled. No account.userInfoUri: the Admin API needs the X-Shopify-Access-Token header.
  // Scopes are app-specific and comma-separated; the configuration names them.
  scopes: { default: [], required: [], separator: ',' },
  clientAuthLocation: 'body',
  extra: {
    authorize: {},
    // Without it Shopify mints a non-expiring offline token and no refresh token:
    // https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
    token: { expiring: '1' },
    refresh: {},
  },
  account: { idPath: 'id' },
  // "Shopify replaces its refresh token every time your app uses it":
  // https://shopify.dev/docs/apps/build/security/credentials-and-data/use-expiring-offline-access-tokens
  rotatesRefreshTokens: true,
} satisfies Partial<ProviderSpecInput>;
