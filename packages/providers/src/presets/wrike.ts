import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Wrike: authorization code grant at login.wrike.com (API v4). The token response names the account's data center host
 * in `host` (`www.wrike.com`, `app-eu.wrike.com` …), kept as metadata because API calls must go there. The userinfo
 * endpoint and the proxy's base URL below are the US data center's: an account elsewhere needs them overridden, since a
 * host read from the token response cannot yet be bounded by `allowedHosts` unless it starts the base URL (Wrike's
 * `host` carries no scheme).
 */
export const wrike = {
  id: 'wrike',
  displayName: 'Wrike',
  type: 'oauth2',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://developers.wrike.com/oauth-20-authorization',
  setup:
    'Create an app in the Wrike App Console (https://www.wrike.com/appconsole.htm) with the redirect URI `{publicUrl}/api/auth/wrike/handler/frame`. For accounts on the EU data center, override `account.userInfoUri` and `api.baseUrl` with app-eu.wrike.com.',
  authorizeUri: 'https://login.wrike.com/oauth2/authorize/v4',
  tokenUri: 'https://login.wrike.com/oauth2/token',
  // Without a scope Wrike grants its default access; `wsReadOnly` limits the app to reading.
  scopes: { default: [], required: [], separator: ',' },
  // The token request documents client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // https://developers.wrike.com/api/v4/contacts/: `me=true` answers the token's own user, first of `data`.
  account: {
    userInfoUri: 'https://www.wrike.com/api/v4/contacts?me=true',
    idPath: 'data.0.id',
    displayNamePath: 'data.0.firstName',
  },
  // The data center host the account's API calls must use.
  metadata: ['host'],
  // The provider's API for the proxy: https://developers.wrike.com/overview/
  api: { baseUrl: 'https://www.wrike.com/api/v4' },
} satisfies Partial<ProviderSpecInput>;
