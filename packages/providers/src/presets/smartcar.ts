import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Smartcar (connected-car data and commands across car brands): authorization code grant through Smartcar Connect,
 * where the driver signs in with the car brand's account and picks the vehicles to share. The code exchange and
 * refreshes go to auth.smartcar.com with the client id and secret as HTTP Basic; every refresh answers with a new
 * refresh token, and a refresh token lasts 60 days. Permissions (`read_odometer`, `read_vehicle_info` …) are the
 * scopes; `/v2.0/user` names the driver who granted access.
 */
export const smartcar = {
  id: 'smartcar',
  displayName: 'Smartcar',
  type: 'oauth2',
  category: 'other',
  // The Smartcar API documentation, as the official Node.js SDK's README links it (read 2026-12-03).
  docs: 'https://smartcar.com/docs',
  setup:
    "Register an application in the Smartcar developer portal (https://developer.smartcar.com) with the redirect URI `{publicUrl}/api/auth/smartcar/handler/frame` and the permissions your app needs; copy its client id and secret. Connect runs in live mode; set `extra.authorize.mode` to `test` or `simulated` in the configuration for Smartcar's test vehicles.",
  // Every fact below is from Smartcar's official Node.js SDK, https://github.com/smartcar/node-sdk (commit
  // 60fa154, read 2026-12-03): lib/config.json names the hosts (`connect` https://connect.smartcar.com, `auth`
  // https://auth.smartcar.com, `api` https://api.smartcar.com, API version 2.0), and lib/auth-client.js builds
  // `{connect}/oauth/authorize?response_type=code&client_id…&scope=read_odometer read_vehicle_info…&mode=live` and
  // POSTs both grants to `{auth}/oauth/token`.
  authorizeUri: 'https://connect.smartcar.com/oauth/authorize',
  tokenUri: 'https://auth.smartcar.com/oauth/token',
  // Space-separated permissions (the SDK joins them with ' '); the SDK's README has the app set its
  // permissions on the developer portal.
  scopes: { default: ['read_vehicle_info'], required: [], separator: ' ' },
  // The SDK's AuthClient sends `Authorization: Basic base64(clientId:clientSecret)` on the code exchange and on
  // refreshes, and nothing of the client in the form.
  clientAuthLocation: 'headers',
  extra: {
    // The SDK sends `mode` on every authorize URL: `live` unless the app asks for `test` or `simulated`.
    authorize: { mode: 'live' },
    token: {},
    refresh: {},
  },
  // exchangeRefreshToken answers a "New set of Access and Refresh tokens" (lib/auth-client.js).
  rotatesRefreshTokens: true,
  // The SDK dates a refresh token's expiry 60 days after it is issued (lib/util.js, formatAccess); 14 days.
  keepAliveSeconds: 1_209_600,
  // getUser: GET {api}/v2.0/user/ with the access token, answered with the user's `id` (index.js).
  account: {
    userInfoUri: 'https://api.smartcar.com/v2.0/user/',
    idPath: 'id',
  },
  // The vehicle endpoints of API version 2.0 are `{api}/v2.0/vehicles/…` (lib/util.js, getUrl).
  api: { baseUrl: 'https://api.smartcar.com' },
} satisfies Partial<ProviderSpecInput>;
