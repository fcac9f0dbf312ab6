import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Facebook Login: a versioned authorization code flow (`/v23.0/dialog/oauth`, Graph API `/v23.0/oauth/access_token`).
 * There is no refresh token: the code exchange on a server yields a long-lived user token (about 60 days) that is
 * renewed only by sending the person through the login dialog again. Permissions are asked for comma-separated;
 * `public_profile` is enough for `/me`.
 */
export const facebook = {
  id: 'facebook',
  displayName: 'Facebook',
  type: 'oauth2',
  category: 'social',
  logo: 'facebook',
  // "Manually Build a Login Flow": (read 2026-12-03)
  docs: 'https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow',
  setup:
    'Create an app in Meta for Developers with the Facebook Login use case and add `{publicUrl}/api/auth/facebook/handler/frame` to Valid OAuth Redirect URIs. Permissions beyond public_profile and email need App Review.',
  authorizeUri: 'https://www.facebook.com/v23.0/dialog/oauth',
  tokenUri: 'https://graph.facebook.com/v23.0/oauth/access_token',
  scopes: { default: ['public_profile'], required: [], separator: ',' },
  clientAuthLocation: 'body',
  // No refresh token; the long-lived token is renewed by logging in again.
  noRefreshToken: true,
  account: { userInfoUri: 'https://graph.facebook.com/v23.0/me?fields=id,name', idPath: 'id', displayNamePath: 'name' },
  // The Graph API takes the user token as a bearer token on the versioned host.
  api: { baseUrl: 'https://graph.facebook.com/v23.0' },
} satisfies Partial<ProviderSpecInput>;
