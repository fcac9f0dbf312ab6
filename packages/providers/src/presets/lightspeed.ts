import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Lightspeed Retail (X-Series): authorization code at secure.retail.lightspeed.app, but the code is exchanged on the
 * store's own host (`https://<domain prefix>.retail.lightspeed.app/api/1.0/token`), so the store's domain prefix is
 * entered when connecting. Since March 2025 every refresh returns a new refresh token and revokes the one used; the
 * token response also names the store in `domain_prefix`.
 */
export const lightspeed = {
  id: 'lightspeed',
  displayName: 'Lightspeed Retail (X-Series)',
  type: 'oauth2',
  category: 'e-commerce',
  // "Authorization": OAuth 2.0 authorization code grant (read 2026-12-03)
  docs: 'https://x-series-api.lightspeedhq.com/docs/authorization',
  setup:
    'Register a developer account and create an application with the redirect URI `{publicUrl}/api/auth/lightspeed/handler/frame`. The retailer passes their store prefix when connecting (`/start?domainPrefix=mystore` for mystore.retail.lightspeed.app).',
  authorizeUri: 'https://secure.retail.lightspeed.app/connect',
  // The refresh flow and its endpoint: https://x-series-api.lightspeedhq.com/changelog/2025-03-refresh-token-flow-update
  tokenUri: 'https://{domainPrefix}.retail.lightspeed.app/api/1.0/token',
  params: {
    domainPrefix: {
      pattern: '[a-z0-9][a-z0-9-]*',
      description: 'the store prefix, as in <prefix>.retail.lightspeed.app',
    },
  },
  scopes: { default: [], required: [], separator: ' ' },
  // Token requests carry client_id and client_secret as parameters.
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  metadata: ['domain_prefix'],
  // `/api/2.0/retailer` answers the store's id and name: x-series-api.lightspeedhq.com/changelog/2020-03-new-retailer-api
  account: {
    userInfoUri: 'https://{domainPrefix}.retail.lightspeed.app/api/2.0/retailer',
    idPath: 'data.id',
    displayNamePath: 'data.name',
  },
  api: { baseUrl: 'https://{domainPrefix}.retail.lightspeed.app/api' },
} satisfies Partial<ProviderSpecInput>;
