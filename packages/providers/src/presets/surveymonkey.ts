import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * SurveyMonkey: authorization code grant at api.surveymonkey.com; the access token is long-lived and comes without a
 * refresh token. The token response names the account's data center in `access_url` (US, EU or Canada), kept as
 * metadata: the proxy calls that host, bounded to SurveyMonkey's three API hosts. The userinfo call below is the US
 * host's; accounts on another data center need `account.userInfoUri` overridden.
 */
export const surveymonkey = {
  id: 'surveymonkey',
  displayName: 'SurveyMonkey',
  type: 'oauth2',
  category: 'marketing',
  logo: 'surveymonkey',
  // (read 2026-12-03)
  docs: 'https://api.surveymonkey.com/v3/docs#authentication',
  setup:
    'Create an app in the SurveyMonkey Developer portal (My Apps) with the OAuth redirect URL `{publicUrl}/api/auth/surveymonkey/handler/frame` and the scopes your app calls (`users_read` at least, for identifying the account).',
  authorizeUri: 'https://api.surveymonkey.com/oauth/authorize',
  tokenUri: 'https://api.surveymonkey.com/oauth/token',
  // Scopes are chosen on the app; the authorize request names none.
  scopes: { default: [], required: [], separator: ' ' },
  // The code exchange sends client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // Long-lived access tokens, no refresh grant.
  noRefreshToken: true,
  // GET /v3/users/me: the token's user.
  account: { userInfoUri: 'https://api.surveymonkey.com/v3/users/me', idPath: 'id', displayNamePath: 'username' },
  // The account's API host, e.g. https://api.eu.surveymonkey.com.
  metadata: ['access_url'],
  // The provider's API for the proxy: https://api.surveymonkey.com/v3/docs
  api: {
    baseUrl: '{metadata.access_url}/v3',
    allowedHosts: ['api.surveymonkey.com', 'api.eu.surveymonkey.com', 'api.surveymonkey.ca'],
  },
} satisfies Partial<ProviderSpecInput>;
