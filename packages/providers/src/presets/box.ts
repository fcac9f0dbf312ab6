import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Box: OAuth 2.0 with 60-minute access tokens and single-use refresh tokens: each refresh returns a new one, valid
 * 60 days, so an idle account needs a keep-alive. Scopes are set on the app; `root_readonly` ("Read all files and
 * folders") is the least one can request. Client credentials go in the form body; revocation at `/oauth2/revoke`.
 */
export const box = {
  id: 'box',
  displayName: 'Box',
  type: 'oauth2',
  category: 'productivity',
  logo: 'box',
  docs: 'https://developer.box.com/guides/authentication/oauth2/without-sdk/',
  setup:
    'In the Box Developer Console create a Platform App with User Authentication (OAuth 2.0) and the redirect URI `{publicUrl}/api/auth/box/handler/frame`, and tick the scopes your app needs. Box Verified Enterprise accounts override `authorizeUri` with `https://ent.box.com/api/oauth2/authorize`.',
  authorizeUri: 'https://account.box.com/api/oauth2/authorize',
  tokenUri: 'https://api.box.com/oauth2/token',
  // developer.box.com/reference/post-oauth2-revoke: form POST with client_id, client_secret and token.
  revokeUri: 'https://api.box.com/oauth2/revoke',
  // Requested scopes must be a subset of the app's; root_readonly is the base scope every app has.
  scopes: { default: ['root_readonly'], required: [], separator: ' ' },
  // Box's token and revocation endpoints take client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://api.box.com/2.0/users/me', idPath: 'id', displayNamePath: 'name' },
  // "Every time an application uses the Refresh Token ... the Refresh Token is invalidated and a new one is returned".
  rotatesRefreshTokens: true,
  // "A Refresh Token is valid for 60 days" (developer.box.com/guides/authentication/tokens/refresh); 14 days.
  keepAliveSeconds: 1_209_600,
  // The provider's API for the proxy: https://developer.box.com/reference/ (read 2026-12-03): base URL https://api.box.com/2.0, bearer token.
  // Uploads go to upload.box.com, another host: configure a second provider entry for them.
  api: { baseUrl: 'https://api.box.com/2.0' },
} satisfies Partial<ProviderSpecInput>;
