import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Teamleader Focus (CRM, quotes and invoicing for small businesses in Belgium, the Netherlands and France):
 * authorization code grant on focus.teamleader.eu. The API is RPC-style: every call is a POST with a JSON body to
 * `https://api.focus.teamleader.eu/<resource>.<action>`, the current user included (`users.me`). Refresh tokens
 * are replaced on every refresh.
 */
export const teamleader = {
  id: 'teamleader',
  displayName: 'Teamleader Focus',
  type: 'oauth2',
  category: 'crm',
  // Teamleader's API documentation, from its source (read 2026-12-03; archived in 2025 when the portal moved to an
  // OpenAPI description): https://github.com/teamleadercrm/api/blob/master/src/authentication.apib
  docs: 'https://developer.focus.teamleader.eu',
  setup:
    'Create an integration on the Teamleader Marketplace developer page with the redirect URI `{publicUrl}/api/auth/teamleader/handler/frame`, choose its scopes there (`users` among them: the users.me lookup needs it) and copy its client id and secret.',
  authorizeUri: 'https://focus.teamleader.eu/oauth2/authorize',
  tokenUri: 'https://focus.teamleader.eu/oauth2/access_token',
  // Scopes are selected on the integration's settings page in the Marketplace, not in the authorize request.
  scopes: { default: [], required: [], separator: ' ' },
  // client_id and client_secret are POST parameters of the code exchange and of refresh.
  clientAuthLocation: 'body',
  // "refresh tokens can only be used once to get a new access token and refresh token".
  rotatesRefreshTokens: true,
  // users.me (https://github.com/teamleadercrm/api/blob/master/src/01-general/users.apib): POST, answers
  // `{data: {id, first_name, last_name, email, …}}`; the request is shown in Teamleader's examples/oauth2.php.
  account: {
    userInfoUri: 'https://api.focus.teamleader.eu/users.me',
    userInfoBody: '{}',
    idPath: 'data.id',
    displayNamePath: 'data.email',
  },
  // The provider's API for the proxy: the RPC-style API (`/contacts.list`, `/deals.info` …), JSON bodies in POSTs
  // (https://github.com/teamleadercrm/api/blob/master/src/introduction.apib).
  api: { baseUrl: 'https://api.focus.teamleader.eu' },
} satisfies Partial<ProviderSpecInput>;
