import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Databricks OAuth user-to-machine (U2M): authorization code with PKCE against the workspace's own host, entered when
 * connecting (`/oidc/v1/authorize`, `/oidc/v1/token`). Access tokens last one hour; `offline_access` asks for a
 * refresh token and `all-apis` for the REST APIs. The workspace's SCIM `Me` endpoint names the user.
 */
export const databricks = {
  id: 'databricks',
  displayName: 'Databricks',
  type: 'oauth2',
  category: 'data',
  logo: 'databricks',
  // "Authorize user access to Databricks with OAuth": each access token is valid for one hour (read 2026-12-03)
  docs: 'https://docs.databricks.com/aws/en/dev-tools/auth/oauth-u2m',
  setup:
    'In the Databricks account console add an app connection (Settings > App connections) with the redirect URL `{publicUrl}/api/auth/databricks/handler/frame`, a client secret and the scopes all-apis and offline_access. Pass the workspace host when connecting (`/start?host=dbc-a1b2345c-d6e7.cloud.databricks.com`) or set `params.host.default`.',
  // Workspace-level endpoints, https://{databricks-host}/oidc/v1/authorize and /oidc/v1/token (Databricks Labs' partner
  // OAuth reference, read 2026-12-03):
  // https://databrickslabs.github.io/partner-architecture/isv-partners/lakehouse-patterns/access-auth/oauth-reference
  authorizeUri: 'https://{host}/oidc/v1/authorize',
  tokenUri: 'https://{host}/oidc/v1/token',
  params: {
    host: {
      pattern:
        '[a-z0-9][a-z0-9-]*(\\.[0-9]+)?\\.(cloud\\.databricks\\.com|azuredatabricks\\.net|gcp\\.databricks\\.com)',
      description: 'the workspace host, e.g. dbc-a1b2345c-d6e7.cloud.databricks.com',
    },
  },
  scopes: { default: ['all-apis', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // Databricks' Python SDK sends client_id and client_secret as form fields on the U2M code exchange and refresh
  // (use_params=True), and joins scopes with spaces (read 2026-12-03; corrected from HTTP Basic):
  // https://github.com/databricks/databricks-sdk-py/blob/HEAD/databricks/sdk/oauth.py
  clientAuthLocation: 'body',
  // "Get current user info", GET /api/2.0/preview/scim/v2/Me (the same SDK's CurrentUserAPI.me): `id`, `userName`.
  account: {
    userInfoUri: 'https://{host}/api/2.0/preview/scim/v2/Me',
    idPath: 'id',
    displayNamePath: 'userName',
  },
  // The workspace REST API (`/api/2.0/…`, `/api/2.1/…`) is on the same host.
  api: { baseUrl: 'https://{host}/api' },
} satisfies Partial<ProviderSpecInput>;
