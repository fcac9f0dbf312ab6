import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Snapchat Login Kit: Snap's OAuth 2.0 service (the Login Kit SDKs are deprecated; the OAuth service stays).
 * Authorization at accounts.snapchat.com, code exchange at `/login/oauth2/access_token`. Scopes are full URLs
 * (`https://auth.snapchat.com/oauth2/api/user.display_name` …), and the identity comes from a GraphQL query on
 * kit.snapchat.com/v1/me passed in the URL.
 */
export const snapchat = {
  id: 'snapchat',
  displayName: 'Snapchat',
  type: 'oauth2',
  category: 'social',
  logo: 'snapchat',
  // "Login Kit Overview": (read 2026-12-03)
  docs: 'https://developers.snap.com/snap-kit/login-kit/overview',
  setup:
    'In the Snap Kit developer portal create an app with Login Kit enabled (Display Name and external id), generate a confidential OAuth client and add `{publicUrl}/api/auth/snapchat/handler/frame` as a redirect URI.',
  authorizeUri: 'https://accounts.snapchat.com/accounts/oauth2/auth',
  tokenUri: 'https://accounts.snapchat.com/login/oauth2/access_token',
  // Scope URLs from https://developers.snap.com/snap-kit/login-kit/Tutorials/web
  scopes: {
    default: [
      'https://auth.snapchat.com/oauth2/api/user.display_name',
      'https://auth.snapchat.com/oauth2/api/user.external_id',
    ],
    required: ['https://auth.snapchat.com/oauth2/api/user.external_id'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  account: {
    userInfoUri: 'https://kit.snapchat.com/v1/me?query=%7Bme%7BexternalId%20displayName%7D%7D',
    idPath: 'data.me.externalId',
    displayNamePath: 'data.me.displayName',
  },
  // No `api`: Login Kit tokens only read the Snapchat identity.
} satisfies Partial<ProviderSpecInput>;
