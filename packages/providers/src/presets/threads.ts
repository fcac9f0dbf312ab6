import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Threads: authorization code at threads.com, code exchange and API at graph.threads.com. Like Instagram, the code
 * exchange returns a short-lived token (one hour) and no refresh token; the 60-day token comes from a separate
 * exchange (`grant_type=th_exchange_token`) that the vault has no field for yet, so an account lasts until its token
 * expires. `threads_basic` is needed by every endpoint; scopes are comma-separated.
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
  noRefreshToken: true,
  account: {
    userInfoUri: 'https://graph.threads.com/v1.0/me?fields=id,username',
    idPath: 'id',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://graph.threads.com/v1.0' },
} satisfies Partial<ProviderSpecInput>;
