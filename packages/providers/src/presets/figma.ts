import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Figma: OAuth 2.0 with PKCE and granular scopes (`current_user:read` lets `/v1/me` identify the user); client
 * credentials go in HTTP Basic. Access tokens expire (`expires_in`) and come with a refresh token; Figma refreshes
 * at its own endpoint (`refreshUri`), whose answer carries no new refresh token, so the stored one is kept.
 */
export const figma = {
  id: 'figma',
  displayName: 'Figma',
  type: 'oauth2',
  category: 'data',
  logo: 'figma',
  docs: 'https://developers.figma.com/docs/rest-api/authentication',
  setup:
    'Create an OAuth app in the Figma developer settings with the callback URL `{publicUrl}/api/auth/figma/handler/frame` and the scopes `current_user:read` plus those your app calls.',
  authorizeUri: 'https://www.figma.com/oauth',
  // Replaced https://www.figma.com/api/oauth/token in February 2025.
  tokenUri: 'https://api.figma.com/v1/oauth/token',
  // developers.figma.com/docs/rest-api/authentication: "Refresh your token" posts to /v1/oauth/refresh.
  refreshUri: 'https://api.figma.com/v1/oauth/refresh',
  // developers.figma.com/docs/rest-api/scopes: current_user:read reads name, email and profile image.
  scopes: { default: ['current_user:read'], required: [], separator: ' ' },
  // Figma's token and refresh endpoints take the client id and secret through HTTP Basic.
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.figma.com/v1/me', idPath: 'id', displayNamePath: 'handle' },
  // The provider's API for the proxy: https://developers.figma.com/docs/rest-api (read 2026-12-03): all endpoints on
  // https://api.figma.com; OAuth tokens as bearer tokens (personal tokens use `X-Figma-Token` instead).
  api: { baseUrl: 'https://api.figma.com' },
} satisfies Partial<ProviderSpecInput>;
