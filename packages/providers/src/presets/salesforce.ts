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
  docs: 'https://help.salesforce.com/HTViewHelpDoc?id=remoteaccess_oauth_web_server_flow.htm&language=en_US',
  setup:
    'In Setup create a connected app (or external client app) with OAuth enabled, the callback URL `{publicUrl}/api/auth/salesforce/handler/frame` and the scopes `id`, `refresh_token` and those your app calls (e.g. `api`). For a sandbox, override `authorizeUri`, `tokenUri`, `revokeUri` and `account.userInfoUri` with `https://test.salesforce.com/...`.',
  authorizeUri: 'https://login.salesforce.com/services/oauth2/authorize',
  tokenUri: 'https://login.salesforce.com/services/oauth2/token',
  // "Revoke OAuth Tokens Programmatically": a form POST with `token`.
  revokeUri: 'https://login.salesforce.com/services/oauth2/revoke',
  // refresh_token (alias offline_access) makes Salesforce issue a refresh token; id lets userinfo identify the user.
  scopes: { default: ['id', 'refresh_token'], required: ['id', 'refresh_token'], separator: ' ' },
  // Salesforce's web server flow sends client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // help.salesforce.com, "Query for User Information": the OpenID Connect UserInfo endpoint.
  account: {
    userInfoUri: 'https://login.salesforce.com/services/oauth2/userinfo',
    idPath: 'user_id',
    displayNamePath: 'name',
  },
  // Salesforce answers with the account's own API host (`instance_url`) and its identity URL (`id`).
  metadata: ['instance_url', 'id'],
  // No expires_in; "Access tokens have a limited lifetime specified by the session timeout", 2 hours by default.
  defaultTokenLifetimeSeconds: 7_200,
} satisfies Partial<ProviderSpecInput>;
