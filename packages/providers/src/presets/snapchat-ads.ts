import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Snapchat Ads (Snap's Marketing API): authorization code at accounts.snapchat.com with the single scope
 * `snapchat-marketing-api`, code exchange with the client id and secret as form fields. Access tokens last 60 minutes
 * and come with a refresh token. `/v1/me` names the Snapchat user behind the token.
 */
export const snapchatAds = {
  id: 'snapchat-ads',
  displayName: 'Snapchat Ads',
  type: 'oauth2',
  category: 'marketing',
  logo: 'snapchat',
  // Marketing API "Authentication": OAuth apps in Snap Business Manager, client_id and client_secret (read 2026-12-03)
  docs: 'https://developers.snap.com/api/marketing-api/Ads-API/authentication',
  setup:
    'In Snap Business Manager (Business Details, as an Organization Admin) create an OAuth app with the redirect URI `{publicUrl}/api/auth/snapchat-ads/handler/frame`; the client secret is shown only once.',
  // Marketing API "Quick Start": the authorize URL with scope snapchat-marketing-api, the token request (client_id
  // and client_secret as form fields) and "an access_token (valid 60 min) and a refresh_token" (read 2026-12-03):
  // https://developers.snap.com/marketing-api/Ads-API/quick-start
  authorizeUri: 'https://accounts.snapchat.com/login/oauth2/authorize',
  tokenUri: 'https://accounts.snapchat.com/login/oauth2/access_token',
  scopes: { default: ['snapchat-marketing-api'], required: ['snapchat-marketing-api'], separator: ' ' },
  clientAuthLocation: 'body',
  // "Get Authenticated User": GET https://adsapi.snapchat.com/v1/me answers `{"me": {"id", "display_name", …}}`
  // (https://developers.snap.com/api/marketing-api/Ads-API/user, read 2026-12-03).
  account: { userInfoUri: 'https://adsapi.snapchat.com/v1/me', idPath: 'me.id', displayNamePath: 'me.display_name' },
  // "All requests use the base URL https://adsapi.snapchat.com/v1" (the Quick Start above).
  api: { baseUrl: 'https://adsapi.snapchat.com/v1' },
} satisfies Partial<ProviderSpecInput>;
