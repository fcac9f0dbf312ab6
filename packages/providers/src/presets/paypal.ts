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
  docs: 'https://developer.paypal.com/docs/log-in-with-paypal/integrate/',
  setup:
    'In the PayPal Developer Dashboard > Apps & Credentials open your app, tick "Log in with PayPal" under Other features, set the Return URL to `{publicUrl}/api/auth/paypal/handler/frame` in its Advanced Settings and choose the user information to share (at least Full name and Email). For sandbox apps override `authorizeUri`, `tokenUri` and `account.userInfoUri` with the sandbox hosts.',
  // The authorization endpoint and its space-separated scopes, openid required:
  // https://developer.paypal.com/docs/log-in-with-paypal/integrate/build-button (read 2026-12-03; the live host from
  // https://developer.paypal.com/docs/integration/direct/identity/get-user-consent/).
  authorizeUri: 'https://www.paypal.com/signin/authorize',
  // The token endpoint with the client id and secret as HTTP Basic credentials:
  // https://developer.paypal.com/docs/api/get-an-access-token-postman (read 2026-12-03).
  tokenUri: 'https://api-m.paypal.com/v1/oauth2/token',
  // `profile` brings the full name and `email` the address
  // (https://developer.paypal.com/docs/log-in-with-paypal/integrate/reference, read 2026-12-03).
  scopes: { default: ['openid', 'profile', 'email'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  // The user info API (https://developer.paypal.com/docs/api/identity/v1/, read 2026-12-03): `user_id` is the
  // Private Personal Identifier, unique for the user and the app; `name` the full name.
  account: {
    userInfoUri: 'https://api-m.paypal.com/v1/identity/oauth2/userinfo?schema=paypalv1.1',
    idPath: 'user_id',
    displayNamePath: 'name',
  },
  // The provider's API for the proxy: https://developer.paypal.com/api/rest/ (read 2026-12-03; the REST APIs on
  // api-m.paypal.com).
  api: { baseUrl: 'https://api-m.paypal.com' },
} satisfies Partial<ProviderSpecInput>;
