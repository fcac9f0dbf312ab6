import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zenefits (TriNet Zenefits; HR, payroll and benefits for small businesses): OAuth for apps on the Zenefits
 * platform. A company admin installs the app through the `platform-authorize` page; scopes name the platform
 * resources the app reads (`platform`, `companies`, `people` …). The account is the installation the token
 * belongs to, from the Core API's "me" resource.
 */
export const zenefits = {
  id: 'zenefits',
  displayName: 'Zenefits',
  type: 'oauth2',
  category: 'hr',
  // (read 2026-12-03)
  docs: 'https://developers.zenefits.com',
  setup:
    'Register an application in the Zenefits developer portal with the redirect URI `{publicUrl}/api/auth/zenefits/handler/frame` and copy its client id and secret; a company admin connects the account.',
  authorizeUri: 'https://secure.zenefits.com/oauth2/platform-authorize',
  tokenUri: 'https://secure.zenefits.com/oauth2/token/',
  scopes: { default: ['platform', 'companies', 'people'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /core/me: the token's installation, `{data: {id, company, person, …}}`.
  account: { userInfoUri: 'https://api.zenefits.com/core/me', idPath: 'data.id' },
  // The provider's API for the proxy: the Core API on api.zenefits.com.
  api: { baseUrl: 'https://api.zenefits.com' },
} satisfies Partial<ProviderSpecInput>;
