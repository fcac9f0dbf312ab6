import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Gusto (payroll and HR), App Integrations API: only a company's primary or full-access admin can authorize, and
 * since API version v2023-05-01 a token reaches one company only (an accountant authorizes each company on its
 * own). Access tokens expire two hours after issue; the refresh request carries the client id, secret and
 * redirect URI. Development runs against api.gusto-demo.com until Gusto issues production credentials.
 */
export const gusto = {
  id: 'gusto',
  displayName: 'Gusto',
  type: 'oauth2',
  category: 'hr',
  logo: 'gusto',
  // (read 2026-12-03)
  docs: 'https://docs.gusto.com/app-integrations/docs/oauth2',
  setup:
    'Create an application in the Gusto Developer Portal with the redirect URI `{publicUrl}/api/auth/gusto/handler/frame`. Until Gusto approves production access, override `authorizeUri`, `tokenUri`, `account.userInfoUri` and `api.baseUrl` with https://api.gusto-demo.com.',
  // The authorization URL with client_id, redirect_uri and response_type: http://docs.gusto.com/v1/examples/authentication
  // (read 2026-12-03); the token endpoint with client_id and client_secret in the body: Gusto's OpenAPI description in
  // its official client (https://github.com/Gusto/gusto-typescript-client, .speakeasy/logs/changes/new.openapi.yaml).
  authorizeUri: 'https://api.gusto.com/oauth/authorize',
  tokenUri: 'https://api.gusto.com/oauth/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // "The previous refresh_token will be revoked on the first usage of the new access_token"
  // (https://docs.gusto.com/app-integrations/v2024-04-01/reference/refresh-access-token, read 2026-12-03).
  rotatesRefreshTokens: true,
  // "To refresh the access token, you will need the client_id, client_secret, and redirect_uri" (read 2026-12-03):
  // https://docs.gusto.com/embedded-payroll/docs/authentication; the refresh endpoint's body lists redirect_uri:
  // https://docs.gusto.com/embedded-payroll/reference/oauth-access-token
  refreshSendsRedirectUri: true,
  // GET /v1/token_info names the company (`resource: {type, uuid}`) the token reaches
  // (https://docs.gusto.com/embedded-payroll/reference/get-v1-token-info, read 2026-12-03).
  account: { userInfoUri: 'https://api.gusto.com/v1/token_info', idPath: 'resource.uuid' },
  // The provider's API for the proxy: the OpenAPI description's production server.
  api: { baseUrl: 'https://api.gusto.com' },
} satisfies Partial<ProviderSpecInput>;
