import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Canva Connect APIs: authorization code with PKCE (SHA-256) required. Access tokens last about four hours; the
 * token endpoint takes the client id and secret in HTTP Basic (recommended) or the body, and a refresh returns a new
 * refresh token that replaces the one used. `/v1/users/me` names the user and team.
 */
export const canva = {
  id: 'canva',
  displayName: 'Canva',
  type: 'oauth2',
  category: 'data',
  // Authorization Code flow with PKCE using SHA-256 (read 2026-12-03)
  docs: 'https://canva.dev/docs/connect/authentication',
  setup:
    'Create an integration in the Canva Developer Portal, generate a client secret, choose its scopes and add `{publicUrl}/api/auth/canva/handler/frame` as an authentication redirect URL.',
  // Canva's OpenAPI description of the Connect APIs: authorizationUrl, tokenUrl, /v1/oauth/revoke, /v1/users/me
  // (team_user.user_id), servers https://api.canva.com/rest, and "You will also receive a new refresh token" on
  // refresh (read 2026-12-03): https://github.com/canva-sdks/canva-connect-api-starter-kit/blob/main/openapi/spec.yml
  authorizeUri: 'https://www.canva.com/api/oauth/authorize',
  // "Generate an access token": HTTP Basic recommended, or body parameters; access tokens last about 4 hours:
  // https://canva.dev/docs/connect/api-reference/authentication/generate-access-token
  tokenUri: 'https://api.canva.com/rest/v1/oauth/token',
  revokeUri: 'https://api.canva.com/rest/v1/oauth/revoke',
  scopes: { default: ['profile:read'], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  rotatesRefreshTokens: true,
  account: { userInfoUri: 'https://api.canva.com/rest/v1/users/me', idPath: 'team_user.user_id' },
  api: { baseUrl: 'https://api.canva.com/rest' },
} satisfies Partial<ProviderSpecInput>;
