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
  // (read 2026-12-03)
  docs: 'https://developer.focus.teamleader.eu/docs/api',
  setup:
    'Create an integration on the Teamleader Marketplace developer page with the redirect URI `{publicUrl}/api/auth/teamleader/handler/frame`, choose its scopes there and copy its client id and secret.',
  authorizeUri: 'https://focus.teamleader.eu/oauth2/authorize',
  tokenUri: 'https://focus.teamleader.eu/oauth2/access_token',
  // Scopes belong to the integration's settings, not to the authorize request.
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // users.me (https://developer.focus.teamleader.eu/docs/api/users-me): POST, answers `{data: {id, first_name, …}}`.
  account: {
    userInfoUri: 'https://api.focus.teamleader.eu/users.me',
    userInfoBody: '{}',
    idPath: 'data.id',
    displayNamePath: 'data.email',
  },
  // The provider's API for the proxy: the RPC-style API (`/contacts.list`, `/deals.info` …).
  api: { baseUrl: 'https://api.focus.teamleader.eu' },
} satisfies Partial<ProviderSpecInput>;
