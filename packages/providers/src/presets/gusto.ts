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
  authorizeUri: 'https://api.gusto.com/oauth/authorize',
  tokenUri: 'https://api.gusto.com/oauth/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // "To refresh the access token, you will need the client_id, client_secret, and redirect_uri" (read 2026-12-03):
  // https://docs.gusto.com/embedded-payroll/docs/authentication; the refresh endpoint's body lists redirect_uri:
  // https://docs.gusto.com/embedded-payroll/reference/oauth-access-token
  refreshSendsRedirectUri: true,
  // GET /v1/token_info names the company (`resource`) the token reaches.
  account: { userInfoUri: 'https://api.gusto.com/v1/token_info', idPath: 'resource.uuid' },
  // The provider's API for the proxy: https://docs.gusto.com/app-integrations/docs/authentication
  api: { baseUrl: 'https://api.gusto.com' },
} satisfies Partial<ProviderSpecInput>;
