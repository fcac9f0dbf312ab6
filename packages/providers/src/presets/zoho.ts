import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zoho: authorization code grant per data center (accounts.zoho.com, .eu, .in, .com.au, .jp, zohocloud.ca …).
 * A refresh token comes only with `access_type=offline`, and again on reconnect only with `prompt=consent`; it
 * does not rotate or expire, but a user holds at most 20 (the 21st evicts the oldest) and each may mint 10 access
 * tokens (one hour each) per 10 minutes. The token response names the data center's API host in `api_domain`,
 * which the app needs for every call.
 */
export const zoho = {
  id: 'zoho',
  displayName: 'Zoho',
  type: 'oauth2',
  category: 'crm',
  logo: 'zoho',
  // (read 2026-12-03)
  docs: 'https://zoho.com/accounts/protocol/oauth/web-apps/authorization.html',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set its default in the configuration (`params.dataCenter.default`).',
  authorizeUri: 'https://accounts.{dataCenter}/oauth/v2/auth',
  tokenUri: 'https://accounts.{dataCenter}/oauth/v2/token',
  // Takes the token in a `token` parameter: https://www.zoho.com/contracts/api/getting-started/refreshing-access-tokens.html
  revokeUri: 'https://accounts.{dataCenter}/oauth/v2/token/revoke',
  // Each data center has its own accounts host (zoho.com/accounts/protocol/oauth/multi-dc.html).
  params: {
    dataCenter: {
      pattern: 'zoho\\.(com|eu|in|com\\.au|jp|com\\.cn|sa|uk)|zohocloud\\.ca',
      description: 'the Zoho data center domain, e.g. zoho.com or zoho.eu',
      default: 'zoho.com',
    },
  },
  // GET /oauth/user/info needs AaaServer.profile.Read; Zoho separates scopes with commas.
  scopes: { default: ['AaaServer.profile.Read'], required: ['AaaServer.profile.Read'], separator: ',' },
  // POST {accounts-server-url}/oauth/v2/token with client_id and client_secret as parameters, answered with
  // `access_token`, `refresh_token`, `api_domain`, `expires_in`
  // (https://zoho.com/accounts/protocol/oauth/web-apps/access-token.html, read 2026-12-03; Zoho's product guides, e.g.
  // https://www.zoho.com/assist/api/generate-access-token.html, ask for them "in the body of your request as
  // form-data").
  clientAuthLocation: 'body',
  extra: {
    // No refresh token without access_type=offline; on a reconnect, none without prompt=consent.
    authorize: { access_type: 'offline', prompt: 'consent' },
    token: {},
    refresh: {},
  },
  // Accepts `Authorization: Bearer` as well as Zoho-oauthtoken: https://www.zoho.com/accounts/protocol/oauth/use-access-token.html
  account: {
    userInfoUri: 'https://accounts.{dataCenter}/oauth/user/info',
    idPath: 'ZUID',
    displayNamePath: 'Display_Name',
  },
  // No `errorsWithStatus200`: no Zoho source read here says which HTTP status its token-endpoint errors come with.
  // Zoho's own clients judge the answer by its body, never by the status: the CRM Python SDK raises when
  // `access_token` is missing and reports the body's `error` (https://github.com/zoho/zohocrm-python-sdk-8.0,
  // versions/6.0.0/zohocrmsdk/src/com/zoho/api/authenticator/oauth_token.py, parse_response), as does Zoho Desk's OAuth
  // sample (https://github.com/zohodesk-developers/ZohoDeskOAuth, ZohoOAuthClient.java; both read 2026-12-03). The
  // vault reads an `error` in a 200 body as an error for every provider, so either status is handled.
  // The data center's API base (https://www.zohoapis.com, .eu …), needed for every API call.
  metadata: ['api_domain'],
  // Token limits: https://zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html
  // The provider's API for the proxy: https://www.zoho.com/crm/developer/docs/api/v8/oauth-overview.html
  // Calls go to the data center's `api_domain` from the token response, with `Authorization: Zoho-oauthtoken …`
  // (www.zoho.com/workdrive/developer/docs/api/v1/oauth-authentication-making-api-calls-with-access-token.html).
  api: {
    baseUrl: '{metadata.api_domain}',
    allowedHosts: [
      '*.zohoapis.com',
      '*.zohoapis.eu',
      '*.zohoapis.in',
      '*.zohoapis.com.au',
      '*.zohoapis.jp',
      '*.zohoapis.com.cn',
      '*.zohoapis.sa',
      '*.zohoapis.uk',
      '*.zohoapis.ca',
    ],
    auth: { type: 'header', name: 'Authorization', prefix: 'Zoho-oauthtoken ' },
  },
} satisfies Partial<ProviderSpecInput>;
