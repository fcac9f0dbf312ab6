import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Instagram API with Instagram Login (professional accounts): authorization code at www.instagram.com, code
 * exchange at api.instagram.com, Graph calls at graph.instagram.com. The exchange returns a short-lived token (one
 * hour) and no refresh token. Instagram's renewal is not an OAuth refresh: the vault swaps the short-lived token for
 * a 60-day one when connecting and renews that one with itself before it expires (never before it is a day old).
 * Scopes are comma-separated.
 */
export const instagram = {
  id: 'instagram',
  displayName: 'Instagram',
  type: 'oauth2',
  category: 'social',
  logo: 'instagram',
  // "Business Login for Instagram": (read 2026-12-03)
  docs: 'https://developers.facebook.com/documentation/instagram-platform/instagram-api-with-instagram-login/business-login',
  setup:
    'Create an app in Meta for Developers with the Instagram use case ("API setup with Instagram login") and add `{publicUrl}/api/auth/instagram/handler/frame` as an OAuth redirect URI. Only Instagram professional (business or creator) accounts can connect.',
  authorizeUri: 'https://www.instagram.com/oauth/authorize',
  tokenUri: 'https://api.instagram.com/oauth/access_token',
  // The scope values renamed in January 2025 (instagram_business_*).
  scopes: { default: ['instagram_business_basic'], required: ['instagram_business_basic'], separator: ',' },
  clientAuthLocation: 'body',
  // https://developers.facebook.com/documentation/instagram-platform/reference/access_token and
  // .../reference/refresh_access_token (read 2026-12-03): GET on graph.instagram.com; a long-lived token "at least 24
  // hours old but has not expired" can be refreshed, for 60 days from then. Both answer one flat JSON object,
  // `{"access_token", "token_type": "bearer", "expires_in"}` with no envelope: Meta's long-lived token guide and its
  // /access_token reference for the same graph.instagram.com endpoints
  // (https://developers.facebook.com/docs/instagram-basic-display-api/guides/long-lived-access-tokens/, read
  // 2026-12-03; `expires_in: 5183944` in the examples).
  longLivedToken: {
    exchangeUri: 'https://graph.instagram.com/access_token',
    exchangeGrantType: 'ig_exchange_token',
    refreshUri: 'https://graph.instagram.com/refresh_access_token',
    refreshGrantType: 'ig_refresh_token',
    minAgeSeconds: 86_400,
  },
  // Token exchange and `/me` live on graph.instagram.com:
  // https://developers.facebook.com/documentation/instagram-platform/reference/access_token
  account: {
    userInfoUri: 'https://graph.instagram.com/me?fields=user_id,username',
    idPath: 'user_id',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://graph.instagram.com' },
} satisfies Partial<ProviderSpecInput>;
