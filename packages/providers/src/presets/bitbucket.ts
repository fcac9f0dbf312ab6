import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Bitbucket Cloud: OAuth 2.0 consumers of a workspace (not Atlassian 3LO). Scopes are the permissions ticked on the
 * consumer, not request parameters, so none are requested. Access tokens last 2 hours and come with a refresh
 * token; client credentials go in HTTP Basic. No revocation endpoint.
 */
export const bitbucket = {
  id: 'bitbucket',
  displayName: 'Bitbucket',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'bitbucket',
  docs: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2',
  setup:
    'In Bitbucket, Workspace settings > OAuth consumers > Add consumer: set the callback URL `{publicUrl}/api/auth/bitbucket/handler/frame` and tick at least the Account: Read permission, which identifying the user needs.',
  authorizeUri: 'https://bitbucket.org/site/oauth2/authorize',
  tokenUri: 'https://bitbucket.org/site/oauth2/access_token',
  // The consumer's ticked permissions are the token's scopes.
  scopes: { default: [], required: [], separator: ' ' },
  // The documented exchange is `curl -u "client_id:secret"`.
  clientAuthLocation: 'headers',
  // `uuid` is stable across username changes.
  account: { userInfoUri: 'https://api.bitbucket.org/2.0/user', idPath: 'uuid', displayNamePath: 'display_name' },
  // The provider's API for the proxy: https://confluence.atlassian.com/bitbucket/use-the-bitbucket-cloud-rest-apis-222724129.html
  // (read 2026-12-03): every request starts with https://api.bitbucket.org/2.0; OAuth tokens as bearer tokens.
  api: { baseUrl: 'https://api.bitbucket.org/2.0' },
} satisfies Partial<ProviderSpecInput>;
