import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * YouTube: Google's OpenID provider with the YouTube Data API scopes, for apps that act on a YouTube channel. The
 * refresh rules are Google's: a refresh token only with `access_type=offline` (and `prompt=consent` on a repeat
 * consent), dead after 6 months unused, and after 7 days while the consent screen is in "Testing".
 */
export const youtube = {
  id: 'youtube',
  displayName: 'YouTube',
  type: 'oidc',
  category: 'social',
  logo: 'youtube',
  // YouTube Data API authorization for server-side web apps: (read 2026-12-03)
  docs: 'https://developers.google.com/youtube/v3/guides/auth/server-side-web-apps',
  setup:
    'In Google Cloud Console enable the YouTube Data API v3, then create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/youtube/handler/frame`. Publish the consent screen: while it is in "Testing", refresh tokens expire after 7 days.',
  issuer: 'https://accounts.google.com',
  // youtube.readonly: read the channel's data.
  scopes: {
    default: ['openid', 'email', 'https://www.googleapis.com/auth/youtube.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  clientAuthLocation: 'body',
  extra: { authorize: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' } },
  account: { idPath: 'sub', displayNamePath: 'email' },
  // Refresh tokens unused for 6 months stop working (developers.google.com/identity/protocols/oauth2); 30 days.
  keepAliveSeconds: 2_592_000,
  // The YouTube Data API v3 is at https://www.googleapis.com/youtube/v3.
  api: { baseUrl: 'https://www.googleapis.com/youtube/v3' },
} satisfies Partial<ProviderSpecInput>;
