import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Any OAuth 2.0 provider: the configuration supplies `authorizeUri`, `tokenUri` and `account.userInfoUri`
 * (with `account.idPath` naming the id field of its answer).
 */
export const oauth2 = {
  id: 'oauth2',
  displayName: 'OAuth 2.0',
  type: 'oauth2',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'id' },
} satisfies Omit<ProviderSpecInput, 'authorizeUri' | 'tokenUri'>;
