import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Gitea (gitea.com or a self-hosted instance) as an OAuth2 provider: authorization code grant with PKCE at
 * `/login/oauth/authorize` and `/login/oauth/access_token` on the instance's own host, entered per account (`host`,
 * gitea.com by default). Access tokens come with a refresh token. Scopes are per API area and level
 * (`read:user`, `write:repository` …); a token needs at least one.
 */
export const gitea = {
  id: 'gitea',
  displayName: 'Gitea',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'gitea',
  // (read 2026-12-03)
  docs: 'https://docs.gitea.com/development/oauth2-provider',
  setup:
    'Create an OAuth2 application under Settings > Applications on your Gitea instance with the redirect URI `{publicUrl}/api/auth/gitea/handler/frame`. The host defaults to gitea.com; for a self-hosted instance set `params.host.default` to its host name or pass `host=` when connecting.',
  // The instance's host name: gitea.com or a self-hosted one.
  params: {
    host: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+',
      description: 'the Gitea host name, e.g. gitea.com or git.example.com',
      default: 'gitea.com',
    },
  },
  authorizeUri: 'https://{host}/login/oauth/authorize',
  tokenUri: 'https://{host}/login/oauth/access_token',
  // read:user lets /api/v1/user identify the account.
  scopes: { default: ['read:user'], required: [], separator: ' ' },
  // The token endpoint takes client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // https://docs.gitea.com/api/: GET /api/v1/user, the authenticated user.
  account: { userInfoUri: 'https://{host}/api/v1/user', idPath: 'id', displayNamePath: 'login' },
  // The provider's API for the proxy: https://docs.gitea.com/development/api-usage
  api: { baseUrl: 'https://{host}/api/v1' },
} satisfies Partial<ProviderSpecInput>;
