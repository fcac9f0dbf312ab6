import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Generic preset (no display name: a configured provider is shown by its id unless it names itself).
 * Any OAuth 2.0 provider: the configuration supplies `authorizeUri`, `tokenUri` and `account.userInfoUri`
 * (with `account.idPath` naming the id field of its answer).
 */
export const oauth2 = {
  id: 'oauth2',
  type: 'oauth2',
  category: 'other',
  docs: 'https://www.rfc-editor.org/rfc/rfc6749',
  setup:
    'Register an OAuth client at the provider with the redirect URI; the configuration gives authorizeUri, ' +
    'tokenUri and account.userInfoUri (with account.idPath naming the id field of its answer).',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'id' },
  // No `api`: a generic provider; the configuration gives `api` for its own API.
} satisfies Partial<ProviderSpecInput>;
