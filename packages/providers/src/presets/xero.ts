import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Xero: an OpenID provider with standard discovery at https://identity.xero.com (it also supplies the RFC 7009
 * revocation endpoint). Access tokens last 30 minutes; `offline_access` brings a refresh token that rotates on
 * every use and dies after 60 days unused (a lost refresh response may be retried with the old one for 30 minutes).
 * Calls to the accounting APIs also need a tenant id, which is not in the token response: the app reads it from
 * GET https://api.xero.com/connections with the access token.
 */
export const xero = {
  id: 'xero',
  displayName: 'Xero',
  type: 'oidc',
  category: 'accounting',
  logo: 'xero',
  // (read 2026-12-03)
  docs: 'https://developer.xero.com/documentation/oauth2/auth-flow',
  setup:
    'Create a "Web app" (auth code grant) in My Apps on the Xero developer portal (https://developer.xero.com/app/manage), add {publicUrl}/api/auth/xero/handler/frame as a redirect URI and generate a client secret; the configuration adds the API scopes the app needs (e.g. accounting.transactions).',
  // Standard discovery (openid-client and xero-node use it); Xero rate-limits repeated discovery requests, which the
  // engine caches per provider.
  issuer: 'https://identity.xero.com',
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  // HTTP Basic, as Xero's own SDK sends it: openid-client's default client_secret_basic for the code exchange and
  // refresh, and an explicit `Authorization: Basic` in its direct token requests
  // (https://github.com/XeroAPI/xero-node, src/XeroClient.ts, read 2026-12-03).
  clientAuthLocation: 'headers',
  account: { idPath: 'sub' },
  // https://developer.xero.com/faq/oauth2 (read 2026-12-03): access tokens last "30 minutes"; "Unused refresh tokens
  // expire after 60 days"; after a refresh "replace your existing refresh token with the new one returned", and a
  // refresh whose answer was lost may be retried with the old token "for a grace period of 30 minutes". The keep-alive
  // refreshes an idle account well inside the 60 days.
  rotatesRefreshTokens: true,
  keepAliveSeconds: 30 * 24 * 3600,
  // The provider's API for the proxy: https://developer.xero.com/documentation/guides/oauth2/auth-flow
  // (api.xero.com with `Authorization: Bearer`; `GET /connections` lists the organisations the token may reach).
  // Accounting calls (`/api.xro/2.0/…`) name the organisation in a `Xero-Tenant-Id` header, which the caller sends.
  api: { baseUrl: 'https://api.xero.com' },
} satisfies Partial<ProviderSpecInput>;
