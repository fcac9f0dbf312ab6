import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zoom (General app, user-managed): OAuth 2.0 with PKCE and 1-hour access tokens; each refresh returns a new refresh
 * token and invalidates the old one (about 90 days' lifetime), so idle accounts get a keep-alive. Scopes are chosen on
 * the app, not requested (`/users/me` needs `user:read:user`, or classic `user:read`). Client credentials go in HTTP
 * Basic; revocation at `/oauth/revoke`.
 */
export const zoom = {
  id: 'zoom',
  displayName: 'Zoom',
  type: 'oauth2',
  category: 'communication',
  logo: 'zoom',
  docs: 'https://developers.zoom.us/docs/rooms/oauth/',
  setup:
    'In the Zoom App Marketplace build a General app (user-managed) with the OAuth redirect URL `{publicUrl}/api/auth/zoom/handler/frame` (also on the allow list) and add the scope `user:read:user` (classic apps: `user:read`) plus those your app calls.',
  authorizeUri: 'https://zoom.us/oauth/authorize',
  tokenUri: 'https://zoom.us/oauth/token',
  // Zoom revokes with a form POST of `token` and HTTP Basic client credentials.
  revokeUri: 'https://zoom.us/oauth/revoke',
  // The app's configured scopes are granted; Zoom needs no offline scope for a refresh token.
  scopes: { default: [], required: [], separator: ' ' },
  // Zoom's token requests carry `Authorization: Basic base64(client_id:client_secret)`.
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.zoom.us/v2/users/me', idPath: 'id', displayNamePath: 'display_name' },
  // A refresh returns a new refresh token and the old one stops working: store the newest.
  rotatesRefreshTokens: true,
  // Refresh tokens expire about 90 days after issue unless renewed; 30 days.
  keepAliveSeconds: 2_592_000,
  // The provider's API for the proxy: https://developers.zoom.us/docs/api/ (read 2026-12-03): "Send HTTP requests to the
  // base URL https://api.zoom.us/v2/ with your access token in the Authorization header".
  api: { baseUrl: 'https://api.zoom.us/v2' },
} satisfies Partial<ProviderSpecInput>;
