import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * PagerDuty (incident response): the OAuth functionality of a PagerDuty App, authorization code grant (PKCE
 * optional for Classic User OAuth) on identity.pagerduty.com, the token acting as the user who approved it. The
 * preset is for Classic User OAuth apps, which ask for `read` or `write`: the lookup naming the account, GET
 * /users/me, is not among the endpoints PagerDuty's REST API reference marks as working with Scoped OAuth (private
 * apps). Every refresh answers with a new refresh token; Classic access tokens last 30 days, refresh tokens 210.
 * Accounts in the EU service region use api.eu.pagerduty.com.
 */
export const pagerduty = {
  id: 'pagerduty',
  displayName: 'PagerDuty',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'pagerduty',
  // PagerDuty's developer documentation, from its source repository (read 2026-12-03)
  docs: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/app-integration-development/06-OAuth-Functionality.md',
  setup:
    'Register an App in PagerDuty (Integrations, App Registration) and add OAuth 2.0 functionality with Classic User OAuth (Read or Read/Write) and the redirect URL `{publicUrl}/api/auth/pagerduty/handler/frame`; copy the client id and secret. For Read/Write set `scopes.default: [write]`. For an account in the EU service region override `account.userInfoUri` and `api.baseUrl` with https://api.eu.pagerduty.com.',
  authorizeUri: 'https://identity.pagerduty.com/oauth/authorize',
  tokenUri: 'https://identity.pagerduty.com/oauth/token',
  // Classic User OAuth: `read` (read-only) or `write` (read/write), case sensitive.
  scopes: { default: ['read'], required: [], separator: ' ' },
  // client_id and client_secret are form fields of the token request, for the code exchange and for refresh.
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // GET /users/me ("Get the current user", PagerDuty's REST API OpenAPI description, read 2026-12-03:
  // https://github.com/PagerDuty/api-schema/blob/main/reference/REST/openapiv3.json) answers `{user: {id, name,
  // email, …}}` for "a key generated through an OAuth flow"; the API wants its version in Accept.
  account: {
    userInfoUri: 'https://api.pagerduty.com/users/me',
    headers: { Accept: 'application/vnd.pagerduty+json;version=2' },
    idPath: 'user.id',
    displayNamePath: 'user.email',
  },
  // The provider's API for the proxy: https://api.pagerduty.com, version 2 named in Accept on every call.
  api: { baseUrl: 'https://api.pagerduty.com', headers: { Accept: 'application/vnd.pagerduty+json;version=2' } },
} satisfies Partial<ProviderSpecInput>;
