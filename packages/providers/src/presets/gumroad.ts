import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Gumroad: authorization code at gumroad.com/oauth/authorize, code exchange at api.gumroad.com/oauth/token with the
 * application id and secret as form fields. Access tokens do not expire until revoked, yet a refresh token is issued
 * with them; `view_profile` lets `/v2/user` name the seller. Responses wrap their data with a `success` flag
 * (`{"success": true, "user": {…}}`).
 */
export const gumroad = {
  id: 'gumroad',
  displayName: 'Gumroad',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'gumroad',
  // Gumroad Help, "Create an application for the API": "Sign in with Gumroad" step by step (authorize URL, token
  // request, response) and "we do not expire the access_token until it is revoked manually" (read 2026-12-03)
  docs: 'https://help.gumroad.com/article/280-create-application-api',
  setup:
    'Create an application under Gumroad Settings > Advanced > Applications with the redirect URI `{publicUrl}/api/auth/gumroad/handler/frame`; its application id and secret are the client id and secret.',
  authorizeUri: 'https://gumroad.com/oauth/authorize',
  // The same article POSTs the code, client_id and client_secret to api.gumroad.com (corrected from gumroad.com).
  tokenUri: 'https://api.gumroad.com/oauth/token',
  // Scope names: Gumroad's API reference, "Scopes" (https://gumroad.com/api#api-scopes, read 2026-12-03); scopes
  // are space-separated in its earlier reference ("Space separated list of scopes").
  scopes: { default: ['view_profile'], required: ['view_profile'], separator: ' ' },
  clientAuthLocation: 'body',
  // `GET /v2/user` answers `{"success": true, "user": {"user_id", "name", …}}` (https://gumroad.com/api#user).
  account: { userInfoUri: 'https://api.gumroad.com/v2/user', idPath: 'user.user_id', displayNamePath: 'user.name' },
  api: { baseUrl: 'https://api.gumroad.com/v2' },
} satisfies Partial<ProviderSpecInput>;
