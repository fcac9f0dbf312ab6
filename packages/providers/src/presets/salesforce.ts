import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Salesforce: production orgs through login.salesforce.com (sandboxes through test.salesforce.com by override). A
 * refresh token needs the `refresh_token` scope; its lifetime is the connected app's refresh token policy. Token
 * responses carry no `expires_in` (an access token lives as long as the session timeout) and name the account's API
 * host in `instance_url`, which must be kept. Revocation at `/services/oauth2/revoke`.
 */
export const salesforce = {
  id: 'salesforce',
  displayName: 'Salesforce',
  type: 'oauth2',
  category: 'crm',
  docs: 'https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_oauth_web_server_flow.htm&language=en_US',
  setup:
    'In Setup create a connected app (or external client app) with OAuth enabled, the callback URL `{publicUrl}/api/auth/salesforce/handler/frame` and the scopes `id`, `refresh_token` and those your app calls (e.g. `api`). The login host defaults to login.salesforce.com; pass `domain=test.salesforce.com` (a sandbox) or your My Domain (`acme.my.salesforce.com`) when connecting, or set `params.domain.default`.',
  // login.salesforce.com, test.salesforce.com for sandboxes, or an org's My Domain.
  params: {
    domain: {
      pattern: '(login|test)\\.salesforce\\.com|[a-z0-9-]+(--[a-z0-9]+)?\\.(sandbox\\.)?my\\.salesforce\\.com',
      description: 'the login host: login.salesforce.com, test.salesforce.com or <name>.my.salesforce.com',
      default: 'login.salesforce.com',
    },
  },
  authorizeUri: 'https://{domain}/services/oauth2/authorize',
  tokenUri: 'https://{domain}/services/oauth2/token',
  // "Revoke OAuth Tokens Programmatically": a form POST with `token`.
  revokeUri: 'https://{domain}/services/oauth2/revoke',
  // refresh_token (alias offline_access) makes Salesforce issue a refresh token; id lets userinfo identify the user.
  scopes: { default: ['id', 'refresh_token'], required: ['id', 'refresh_token'], separator: ' ' },
  // Salesforce's web server flow sends client_id and client_secret as form parameters, on refreshes too
  // ("Understanding the OAuth Refresh Token Process",
  // https://developer.salesforce.com/docs/atlas.en-us.198.0.api_rest.meta/api_rest/intro_understanding_refresh_token_oauth.htm,
  // read 2026-12-03); the authorize endpoint takes PKCE's code_challenge ("Web Server OAuth Authentication Flow",
  // https://developer.salesforce.com/docs/atlas.ja-jp.224.0.api_rest.meta/api_rest/intro_understanding_web_server_oauth_flow.htm,
  // read 2026-12-03).
  clientAuthLocation: 'body',
  // help.salesforce.com, "Query for User Information": the OpenID Connect UserInfo endpoint.
  account: {
    userInfoUri: 'https://{domain}/services/oauth2/userinfo',
    idPath: 'user_id',
    displayNamePath: 'name',
  },
  // Salesforce answers with the account's own API host (`instance_url`) and its identity URL (`id`).
  metadata: ['instance_url', 'id'],
  // No expires_in; "Access tokens have a limited lifetime specified by the session timeout" (the refresh page above),
  // 2 hours by default.
  defaultTokenLifetimeSeconds: 7_200,
  // The provider's API for the proxy: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/quickstart.htm
  // The REST API is on the org's own host, the token response's `instance_url`, bounded to Salesforce hosts.
  api: { baseUrl: '{metadata.instance_url}/services/data', allowedHosts: ['*.salesforce.com'] },
} satisfies Partial<ProviderSpecInput>;
