import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Intuit (QuickBooks Online): OAuth 2.0 with OpenID Connect, but its discovery document lives at
 * https://developer.api.intuit.com/.well-known/openid_configuration, not under its issuer, so the endpoints are
 * explicit. Access tokens last one hour; refresh tokens rotate (a refresh may return a new one at any time), die
 * after 100 days unused and now after five years at most. The company id (`realmId`) arrives on the
 * callback URL, not in the token response, so it cannot be kept as metadata yet.
 */
export const intuit = {
  id: 'intuit',
  displayName: 'QuickBooks (Intuit)',
  type: 'oauth2',
  category: 'accounting',
  logo: 'intuit',
  // (read 2026-12-03)
  docs: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
  setup:
    'Create an app on the Intuit Developer Portal (https://developer.intuit.com), add {publicUrl}/api/auth/intuit/handler/frame as a redirect URI under Keys & credentials, and have the configuration add com.intuit.quickbooks.accounting to the scopes; for sandbox keys the configuration overrides account.userInfoUri with https://sandbox-accounts.platform.intuit.com/v1/openid_connect/userinfo.',
  // From https://developer.api.intuit.com/.well-known/openid_configuration (production), and the same endpoints,
  // userinfo and revocation URLs in Intuit's official Node client (https://github.com/intuit/oauth-jsclient,
  // src/OAuthClient.js, read 2026-12-03).
  authorizeUri: 'https://appcenter.intuit.com/connect/oauth2',
  tokenUri: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  // No revokeUri: https://developer.api.intuit.com/v2/oauth2/tokens/revoke expects a JSON body, not a form field.
  // userinfo needs openid (plus email for the address); the accounting scope is what the app adds for API access.
  scopes: { default: ['openid', 'email'], required: ['openid'], separator: ' ' },
  // The same client sends every token request as a form with `Authorization: Basic` (`_tokenRequestHeaders`).
  clientAuthLocation: 'headers',
  account: {
    userInfoUri: 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
    idPath: 'sub',
    displayNamePath: 'email',
  },
  // Always keep the latest refresh token: https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq
  // (the five-year cap is announced in the release notes of intuit/QuickBooks-V3-Java-SDK v6.5.4).
  rotatesRefreshTokens: true,
  // Refresh tokens die after 100 days unused; the token answer says how long the current one has left in
  // `x_refresh_token_expires_in` (seconds: 8726400 and 15552000 in the client's README, read 2026-12-03), so the vault
  // refreshes before then as well as every 30 days.
  refreshTokenExpiresIn: 'x_refresh_token_expires_in',
  keepAliveSeconds: 30 * 24 * 3600,
  // No `api`: QuickBooks calls name the company (`/v3/company/{realmId}`), which arrives on the callback, not in the
  // token response. Set `api.baseUrl` (https://quickbooks.api.intuit.com) in the configuration and send the realm id
  // in the path.
} satisfies Partial<ProviderSpecInput>;
