import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zendesk (Support, ticketing): every account lives on its own subdomain, and so do its OAuth endpoints and API,
 * so the subdomain is a per-account value entered when connecting. Access tokens expire and come with a refresh
 * token; PKCE is supported (required for public clients). A client registered in one account works only there
 * unless Zendesk makes it a global OAuth client.
 */
export const zendesk = {
  id: 'zendesk',
  displayName: 'Zendesk',
  type: 'oauth2',
  category: 'support',
  logo: 'zendesk',
  // (read 2026-12-03)
  docs: 'https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/',
  setup:
    'In Admin Center > Apps and integrations > APIs > OAuth clients add a confidential client with the redirect URL `{publicUrl}/api/auth/zendesk/handler/frame`; the app passes the account when connecting (`/api/auth/zendesk/start?subdomain=<name>&…` for <name>.zendesk.com). To serve many Zendesk accounts, ask Zendesk for a global OAuth client.',
  params: {
    subdomain: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the Zendesk subdomain, as in <subdomain>.zendesk.com' },
  },
  // The authorization page on the account's host: "Using OAuth authentication with your application",
  // https://support.zendesk.com/hc/en-us/articles/203663836 (read 2026-12-03).
  authorizeUri: 'https://{subdomain}.zendesk.com/oauth/authorizations/new',
  // One endpoint for the code and refresh grants, PKCE's code_verifier accepted (the grant-type tokens API above).
  tokenUri: 'https://{subdomain}.zendesk.com/oauth/tokens',
  // `read` covers the users/me call; the configuration adds `write` or resource scopes (tickets:read …).
  scopes: { default: ['read'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // "Working with OAuth refresh tokens": https://developer.zendesk.com/documentation/api-basics/authentication/refresh-token
  // GET /api/v2/users/me answers `{user: {id, name, …}}` for the token's user: the user fields at
  // https://developer.zendesk.com/api-reference/ticketing/users/users/ (read 2026-12-03), `me` as Zendesk's official
  // client asks for the current user (https://github.com/zendesk/zendesk_api_client_rb, lib/zendesk_api/client.rb).
  account: {
    userInfoUri: 'https://{subdomain}.zendesk.com/api/v2/users/me',
    idPath: 'user.id',
    displayNamePath: 'user.name',
  },
  // The provider's API for the proxy: https://developer.zendesk.com/api-reference/ (on the account's own host).
  api: { baseUrl: 'https://{subdomain}.zendesk.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
