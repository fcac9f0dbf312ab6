import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Attio (CRM): an OAuth app is installed into one workspace. The authorize endpoint takes no `scope`: the app's
 * scopes are chosen in its settings at build.attio.com. The token answer holds only `access_token` and
 * `token_type`: no refresh token and no expiry. The account is the workspace the token is linked to.
 */
export const attio = {
  id: 'attio',
  displayName: 'Attio',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://docs.attio.com/rest-api/guides/authentication',
  setup:
    'Create an app at https://build.attio.com, turn on OAuth in its OAuth tab, add the redirect URI `{publicUrl}/api/auth/attio/handler/frame` and tick the scopes your app needs there (Attio reads scopes from the app, not from the request).',
  // https://docs.attio.com/docs/oauth/authorize and https://docs.attio.com/docs/oauth/token (read 2026-12-03)
  authorizeUri: 'https://app.attio.com/authorize',
  tokenUri: 'https://app.attio.com/oauth/token',
  scopes: { default: [], required: [], separator: ' ' },
  // The token request documents client_id and client_secret as body parameters.
  clientAuthLocation: 'body',
  // The token response has neither refresh_token nor expires_in (https://docs.attio.com/docs/oauth/token).
  noRefreshToken: true,
  // GET /v2/self identifies the token and its workspace, its fields at the top level of the answer
  // (https://docs.attio.com/rest-api/endpoint-reference/meta/identify, read 2026-12-03); `workspace_id` and
  // `workspace_name` as Attio describes a token's identity at https://docs.attio.com/docs/oauth/introspect.
  account: { userInfoUri: 'https://api.attio.com/v2/self', idPath: 'workspace_id', displayNamePath: 'workspace_name' },
  // The provider's API for the proxy: https://docs.attio.com/rest-api/overview (bearer tokens on api.attio.com, the
  // OpenAPI description's production server).
  api: { baseUrl: 'https://api.attio.com' },
} satisfies Partial<ProviderSpecInput>;
