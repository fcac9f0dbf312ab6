import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zettle by PayPal (point of sale): a partner-hosted app uses the authorization code grant on oauth.zettle.com,
 * where the merchant approves the scopes asked for (`READ:PURCHASE`, `READ:FINANCE`, `WRITE:PRODUCT` …). Access
 * tokens last 7200 seconds; each refresh also answers with a new refresh token (valid 180 days), which is the one
 * to use next. Zettle's APIs live on separate hosts (products.izettle.com, purchase.izettle.com,
 * finance.izettle.com …), so the preset names none for the proxy.
 */
export const zettle = {
  id: 'zettle',
  displayName: 'Zettle',
  type: 'oauth2',
  category: 'e-commerce',
  // (read 2026-12-03); the same steps in Zettle's archived documentation repository:
  // https://github.com/iZettle/api-documentation/blob/master/oauth-api/user-guides/set-up-app-authorisation/set-up-authorisation-code-grant.md
  docs: 'https://developer.zettle.com/docs/api/oauth/user-guides/set-up-app-authorisation/set-up-authorisation-code-grant',
  setup:
    'In the Zettle Developer Portal (https://developer.zettle.com) create Public API credentials (a partner-hosted app) with the OAuth redirect URI `{publicUrl}/api/auth/zettle/handler/frame` and download the client id and secret. Put the scopes the app needs in `scopes.default`; set `api.baseUrl` to the Zettle API the app calls (for example https://purchase.izettle.com) to use the proxy.',
  authorizeUri: 'https://oauth.zettle.com/authorize',
  tokenUri: 'https://oauth.zettle.com/token',
  scopes: { default: ['READ:PURCHASE'], required: [], separator: ' ' },
  // client_id and client_secret are form fields of the code exchange and of refresh.
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // GET /users/self ("Identify users", read 2026-12-03:
  // https://developer.zettle.com/docs/api/oauth/user-guides/manage-apps-users/identify-users) answers
  // `{uuid, organizationUuid}` for the merchant organisation; it has no name to show.
  account: { userInfoUri: 'https://oauth.zettle.com/users/self', idPath: 'organizationUuid' },
} satisfies Partial<ProviderSpecInput>;
