import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Instagram API with Instagram Login (professional accounts): authorization code at www.instagram.com, code
 * exchange at api.instagram.com, Graph calls at graph.instagram.com. The exchange returns a short-lived token (one
 * hour) and no refresh token. Instagram's own renewal is not an OAuth refresh: the short-lived token is swapped for
 * a 60-day one (`GET /access_token?grant_type=ig_exchange_token`) and that one is extended with
 * `GET /refresh_access_token?grant_type=ig_refresh_token`; the vault has no field for either yet, so an account lasts
 * until its token expires and is then reconnected. Scopes are comma-separated.
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
  noRefreshToken: true,
  // Token exchange and `/me` live on graph.instagram.com:
  // https://developers.facebook.com/documentation/instagram-platform/reference/access_token
  account: {
    userInfoUri: 'https://graph.instagram.com/me?fields=user_id,username',
    idPath: 'user_id',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://graph.instagram.com' },
} satisfies Partial<ProviderSpecInput>;
