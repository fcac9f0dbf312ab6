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
  // The authorization request and the scopes (sales_invoices is the default one):
  // https://developer.moneybird.com/authentication/ (read 2026-12-03). The token request with client_id and
  // client_secret as form fields, as Moneybird's own CLI makes it (https://github.com/moneybird/moneybird-cli,
  // lib/oauth.sh, read 2026-12-03).
  authorizeUri: 'https://moneybird.com/oauth/authorize',
  tokenUri: 'https://moneybird.com/oauth/token',
  scopes: { default: ['sales_invoices'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The administrations the user may reach, a JSON array: the first one names the account, `[0].id` and `[0].name`
  // as the CLI reads them after logging in.
  account: {
    userInfoUri: 'https://moneybird.com/api/v2/administrations.json',
    idPath: '0.id',
    displayNamePath: '0.name',
  },
  // The provider's API for the proxy: https://moneybird.com/api/v2 (the CLI's host and prefix; calls name the
  // administration: `/{administration_id}/…`).
  api: { baseUrl: 'https://moneybird.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
