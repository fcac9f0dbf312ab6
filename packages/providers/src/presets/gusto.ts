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
  // Gusto documents redirect_uri as a parameter of the refresh request too
  // (https://docs.gusto.com/embedded-payroll/v2023-04-01/docs/authentication). The vault's redirect URI depends on
  // publicUrl, which a preset's static `extra.refresh` cannot name: a configuration adds
  // `extra.refresh.redirect_uri` with its own `{publicUrl}/api/auth/gusto/handler/frame`.
  // GET /v1/token_info names the company (`resource`) the token reaches.
  account: { userInfoUri: 'https://api.gusto.com/v1/token_info', idPath: 'resource.uuid' },
  // The provider's API for the proxy: https://docs.gusto.com/app-integrations/docs/authentication
  api: { baseUrl: 'https://api.gusto.com' },
} satisfies Partial<ProviderSpecInput>;
