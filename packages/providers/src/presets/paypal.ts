import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * PayPal ("Log in with PayPal", the Identity API): authorization code grant with OpenID Connect scopes; `openid` is
 * always required and the attributes shared are those ticked in the app's settings. The code is exchanged at
 * `/v1/oauth2/token` with the client id and secret as HTTP Basic credentials; the answer carries an access token,
 * a refresh token and an ID token. Sandbox apps use www.sandbox.paypal.com and api-m.sandbox.paypal.com.
 */
export const paypal = {
  id: 'paypal',
  displayName: 'PayPal',
  type: 'oauth2',
  category: 'accounting',
  logo: 'paypal',
  // (read 2026-12-03)
  docs: 'https://developer.paypal.com/log-in/build',
  setup:
    'In the PayPal Developer Dashboard > Apps & Credentials open your app, tick "Log in with PayPal" under Other features, set the Return URL to `{publicUrl}/api/auth/paypal/handler/frame` in its Advanced Settings and choose the user information to share. For sandbox apps override `authorizeUri`, `tokenUri` and `account.userInfoUri` with the sandbox hosts.',
  // https://developer.paypal.com/log-in/build-button: the authorization endpoint template (live host).
  authorizeUri: 'https://www.paypal.com/signin/authorize',
  tokenUri: 'https://api-m.paypal.com/v1/oauth2/token',
  scopes: { default: ['openid', 'email'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  // The Identity API's user info (https://developer.paypal.com/api/identity/v1/): `user_id` is the stable id.
  account: {
    userInfoUri: 'https://api-m.paypal.com/v1/identity/oauth2/userinfo?schema=paypalv1.1',
    idPath: 'user_id',
    displayNamePath: 'name',
  },
  // The provider's API for the proxy: https://developer.paypal.com/api/rest/ (the REST APIs on api-m.paypal.com).
  api: { baseUrl: 'https://api-m.paypal.com' },
} satisfies Partial<ProviderSpecInput>;
