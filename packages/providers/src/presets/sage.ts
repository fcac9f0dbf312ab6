import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Sage Business Cloud Accounting (API v3.1): the user signs in at Sage's central login, whose authorize URL carries
 * `filter=apiv3.1`; tokens come from oauth.accounting.sage.com. Access tokens last five minutes and refresh tokens
 * 31 days, so an idle account must be refreshed within a month. A code is valid for 60 seconds and once.
 */
export const sage = {
  id: 'sage',
  displayName: 'Sage Accounting',
  type: 'oauth2',
  category: 'accounting',
  logo: 'sage',
  // (read 2026-12-03)
  docs: 'https://developer.sage.com/accounting/guides/authenticating/authentication',
  setup:
    'Create an app in the Sage Developer Self Service portal with the callback URL `{publicUrl}/api/auth/sage/handler/frame` and copy its client id and secret.',
  authorizeUri: 'https://www.sageone.com/oauth2/auth/central?filter=apiv3.1',
  tokenUri: 'https://oauth.accounting.sage.com/token',
  // full_access or readonly.
  scopes: { default: ['full_access'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // Refresh tokens expire 31 days after issue: refresh at least every 14 days so an idle account keeps one.
  keepAliveSeconds: 14 * 24 * 3600,
  // GET /v3.1/user: the user the token acts for.
  account: { userInfoUri: 'https://api.accounting.sage.com/v3.1/user', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: Accounting API v3.1 (calls name the business with `X-Business`).
  api: { baseUrl: 'https://api.accounting.sage.com/v3.1' },
} satisfies Partial<ProviderSpecInput>;
