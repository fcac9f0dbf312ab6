import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * WHOOP (wearable health data): authorization code grant at api.prod.whoop.com. A refresh token comes only when
 * the `offline` scope is asked for, and a refresh also asks for `offline` to get the next one. Scopes read
 * `read:<data>` (`read:profile`, `read:recovery`, `read:sleep` …), space-separated.
 */
export const whoop = {
  id: 'whoop',
  displayName: 'WHOOP',
  type: 'oauth2',
  category: 'other',
  // (read 2026-12-03); refreshing: https://developer.whoop.com/docs/tutorials/refresh-token-javascript
  docs: 'https://developer.whoop.com/docs/developing/oauth',
  setup:
    'Create an App in the WHOOP Developer Dashboard (https://developer-dashboard.whoop.com) with the redirect URL {publicUrl}/api/auth/whoop/handler/frame and the scopes the app reads.',
  authorizeUri: 'https://api.prod.whoop.com/oauth/oauth2/auth',
  tokenUri: 'https://api.prod.whoop.com/oauth/oauth2/token',
  // `offline` brings the refresh token; `read:profile` the basic profile used to identify the user.
  scopes: { default: ['offline', 'read:profile'], required: ['offline'], sendOnRefresh: true },
  // The refresh request sends client_id and client_secret as form fields (the refresh tutorial above).
  clientAuthLocation: 'body',
  // "Get Basic User Profile" (https://developer.whoop.com/api, read:profile): user_id, email, first_name, last_name.
  account: {
    userInfoUri: 'https://api.prod.whoop.com/developer/v2/user/profile/basic',
    idPath: 'user_id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: https://developer.whoop.com/api (its OpenAPI server is
  // https://api.prod.whoop.com/developer; resources below /v2).
  api: { baseUrl: 'https://api.prod.whoop.com/developer' },
} satisfies Partial<ProviderSpecInput>;
