import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Zendesk Sell (formerly Base; sales CRM): its own OAuth server on api.getbase.com, separate from Zendesk
 * Support's per-subdomain one. Scopes are `read`, `write` and `profile` (the user and account details); the token
 * endpoint takes the client id and secret as HTTP Basic credentials. Access tokens last an hour and come with a
 * refresh token.
 */
export const zendeskSell = {
  id: 'zendesk-sell',
  displayName: 'Zendesk Sell',
  type: 'oauth2',
  category: 'crm',
  logo: 'zendesk',
  // (read 2026-12-03)
  docs: 'https://developers.getbase.com/docs/rest/articles/oauth2/requests',
  setup:
    'In Zendesk Sell go to Settings > Integrations > OAuth, open the Developer apps tab, add an app with the redirect URI `{publicUrl}/api/auth/zendesk-sell/handler/frame` and copy its client id and secret.',
  // GET /oauth2/authorize and the token endpoint with the client id and secret as HTTP Basic credentials:
  // https://developer.zendesk.com/api-reference/sales-crm/authentication/requests and
  // https://developer.zendesk.com/api-reference/sales-crm/authentication/reference/ (read 2026-12-03).
  authorizeUri: 'https://api.getbase.com/oauth2/authorize',
  tokenUri: 'https://api.getbase.com/oauth2/token',
  // `profile` lets users/self identify the user; `read` the CRM data. Not confirmed from Zendesk's reference (its
  // OAuth reference makes `scope` optional and names no values in the part we could read). On Zendesk's own
  // community forum a Zendesk agent calls `sync profile read write` "correct" for a Sell token, whose answer there
  // shows `expires_in: 3599` and a refresh token
  // (https://support.zendesk.com/hc/en-us/community/posts/5003737490458, read 2026-12-03).
  scopes: { default: ['profile', 'read'], required: ['profile'], separator: ' ' },
  clientAuthLocation: 'headers',
  // GET /v2/users/self ("Retrieve an authenticating user") answers `{data: {id, name, email, …}}`: the User's `id`
  // ("Unique identifier of the user") and `name` ("Full name of the user") in Zendesk's Sell Users reference
  // (https://developer.zendesk.com/api-reference/sales-crm/resources/users, read 2026-12-03), and the `data`
  // envelope Zendesk's official Sell client unwraps from every single-resource answer
  // (https://github.com/zendesk/basecrm-python, basecrm/services.py and basecrm/http_client.py, read 2026-12-03).
  account: { userInfoUri: 'https://api.getbase.com/v2/users/self', idPath: 'data.id', displayNamePath: 'data.name' },
  // The provider's API for the proxy: the Sell REST API v2 (the official client's base URL and `/v2` prefix).
  api: { baseUrl: 'https://api.getbase.com/v2', headers: { Accept: 'application/json' } },
} satisfies Partial<ProviderSpecInput>;
