import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Threads: authorization code at threads.com, code exchange and API at graph.threads.com. Like Instagram, the code
 * exchange returns a short-lived token (one hour) and no refresh token: the vault swaps it for a 60-day token when
 * connecting and renews that one with itself before it expires (never before it is a day old). `threads_basic` is
 * needed by every endpoint; scopes are comma-separated.
 */
export const threads = {
  id: 'threads',
  displayName: 'Threads',
  type: 'oauth2',
  category: 'social',
  logo: 'threads',
  // "Get Access Tokens": (read 2026-12-03)
  docs: 'https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions',
  setup:
    'Create an app in Meta for Developers with the Threads use case, use its Threads app ID and secret, and add `{publicUrl}/api/auth/threads/handler/frame` to the valid OAuth redirect URIs.',
  authorizeUri: 'https://threads.com/oauth/authorize',
  tokenUri: 'https://graph.threads.com/oauth/access_token',
  // "threads_basic — Required for all Threads endpoints": developers.facebook.com/documentation/threads/get-started
  scopes: { default: ['threads_basic'], required: ['threads_basic'], separator: ',' },
  clientAuthLocation: 'body',
  // "Long-Lived Access Tokens" (read 2026-12-03): https://developers.facebook.com/docs/threads/get-started/long-lived-tokens
  // GET /access_token with th_exchange_token and the app secret, GET /refresh_access_token with th_refresh_token,
  // only for tokens "at least 24 hours old but have not expired". That page's examples name graph.threads.net; the
  // current reference uses graph.threads.com for the same API, as this preset's other endpoints do.
  longLivedToken: {
    exchangeUri: 'https://graph.threads.com/access_token',
    exchangeGrantType: 'th_exchange_token',
    refreshUri: 'https://graph.threads.com/refresh_access_token',
    refreshGrantType: 'th_refresh_token',
    minAgeSeconds: 86_400,
  },
  account: {
    userInfoUri: 'https://graph.threads.com/v1.0/me?fields=id,username',
    idPath: 'id',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://graph.threads.com/v1.0' },
} satisfies Partial<ProviderSpecInput>;
