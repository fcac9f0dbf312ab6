import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Sage Business Cloud Accounting (API v3.1): the user signs in at Sage's central login, whose authorize URL carries
 * `filter=apiv3.1`; tokens come from oauth.accounting.sage.com. Access tokens are short-lived and the token answer
 * says when the refresh token expires, so an idle account must be refreshed before then. A code is valid for 60
 * seconds and once.
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
  // The authorization server and its scopes (readonly or full_access):
  // https://developer.sage.com/accounting/guides/authenticating/authentication (read 2026-12-03).
  authorizeUri: 'https://www.sageone.com/oauth2/auth/central?filter=apiv3.1',
  // "POST https://oauth.accounting.sage.com/token" on Sage's frequently-raised-errors page
  // (https://developer.sage.com/accounting/docs/v1.0.0/guides/learning/key-concepts/frequently-raised-errors, read
  // 2026-12-03); client_id and client_secret as form fields in Sage's own sample apps
  // (https://github.com/Sage/sageone_api_ruby_sample, https://github.com/Sage/sageone_api_csharp_sample).
  tokenUri: 'https://oauth.accounting.sage.com/token',
  scopes: { default: ['full_access'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The token answer says when the refresh token dies (`refresh_token_expires_in`, read by Sage's C# sample,
  // app/Startup.cs): the vault refreshes before then, so an idle account keeps one. This replaces a fixed 14-day
  // keep-alive based on a 31-day lifetime no Sage page we could read states.
  refreshTokenExpiresIn: 'refresh_token_expires_in',
  // GET /v3.1/user: the user the token acts for. Not confirmed from Sage's documentation (its API reference was not
  // readable here): from third-party integrations that identify Sage users this way.
  account: { userInfoUri: 'https://api.accounting.sage.com/v3.1/user', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: Accounting API v3.1, the base of Sage's sample apps (calls name the business
  // with `X-Business`, as the authentication page says).
  api: { baseUrl: 'https://api.accounting.sage.com/v3.1' },
} satisfies Partial<ProviderSpecInput>;
