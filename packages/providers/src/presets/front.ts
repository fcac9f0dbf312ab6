import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Front (shared inbox, support): authorization code grant only; the person authorizing must be an admin of the
 * Front company, and the token acts for the company, not for one teammate. Access tokens last an hour; the refresh
 * token lasts six months, and a new one is issued during its last day.
 */
export const front = {
  id: 'front',
  displayName: 'Front',
  type: 'oauth2',
  category: 'support',
  // (read 2026-12-03)
  docs: 'https://dev.frontapp.com/docs/oauth',
  setup:
    'In Front go to Settings > Developers, create an app, open its OAuth tab, add the redirect URL `{publicUrl}/api/auth/front/handler/frame`, pick the scopes and copy the client id and secret. A Front admin connects the account.',
  authorizeUri: 'https://app.frontapp.com/oauth/authorize',
  tokenUri: 'https://app.frontapp.com/oauth/token',
  // Scopes are chosen in the app's OAuth settings (https://dev.frontapp.com/docs/authentication).
  scopes: { default: [], required: [], separator: ' ' },
  // The token endpoint takes the client id and secret as HTTP Basic credentials.
  clientAuthLocation: 'headers',
  // GET /me (the Token Identity API) names the company the token belongs to: `{id, name}`.
  account: { userInfoUri: 'https://api2.frontapp.com/me', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: https://dev.frontapp.com/reference/introduction
  api: { baseUrl: 'https://api2.frontapp.com' },
} satisfies Partial<ProviderSpecInput>;
