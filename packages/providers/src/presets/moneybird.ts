import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Moneybird (Dutch online accounting): OAuth 2 for external applications registered in a Moneybird account.
 * Scopes limit which parts of an administration the app reaches (`sales_invoices`, `documents`, `estimates`,
 * `bank`, `time_entries`, `settings`). A user may own several administrations, and API paths name one
 * (`/api/v2/{administration_id}/contacts.json`): the response format is part of the path.
 */
export const moneybird = {
  id: 'moneybird',
  displayName: 'Moneybird',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://developer.moneybird.com/authentication/',
  setup:
    'Log in to Moneybird and register an external OAuth application at https://moneybird.com/user/applications/new with the callback URL `{publicUrl}/api/auth/moneybird/handler/frame`; copy its Client ID and Client Secret.',
  authorizeUri: 'https://moneybird.com/oauth/authorize',
  tokenUri: 'https://moneybird.com/oauth/token',
  scopes: { default: ['sales_invoices'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The administrations the user may reach, a JSON array: the first one names the account.
  account: {
    userInfoUri: 'https://moneybird.com/api/v2/administrations.json',
    idPath: '0.id',
    displayNamePath: '0.name',
  },
  // The provider's API for the proxy: https://developer.moneybird.com/integration/getting-started
  api: { baseUrl: 'https://moneybird.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
