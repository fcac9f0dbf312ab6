import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Atlassian Cloud (Jira, Confluence) OAuth 2.0 (3LO) at auth.atlassian.com: `audience=api.atlassian.com` is
 * required and `prompt=consent` shows the consent screen. `offline_access` yields a refresh token that rotates on
 * every use (10-minute reuse leeway) and expires after 90 days unused and 365 days in all. API calls go to
 * `https://api.atlassian.com/ex/{product}/{cloudid}/…`: the cloud id of the first site accessible-resources lists is
 * kept with the account when it connects (`metadata.cloud_id`), which the Jira and Confluence presets' API base URLs
 * use.
 */
export const atlassian = {
  id: 'atlassian',
  displayName: 'Atlassian',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'atlassian',
  docs: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  setup:
    "Create an OAuth 2.0 integration in the Atlassian developer console, add the User identity API (`read:me`) and your product APIs under Permissions, and the callback URL `{publicUrl}/api/auth/atlassian/handler/frame` under Authorization. The vault keeps the first site's cloud id as the account's `metadata.cloud_id`; for another site, the app reads `https://api.atlassian.com/oauth/token/accessible-resources`.",
  authorizeUri: 'https://auth.atlassian.com/authorize',
  tokenUri: 'https://auth.atlassian.com/oauth/token',
  // offline_access is what makes Atlassian issue a refresh token; read:me lets /me identify the account.
  scopes: { default: ['read:me', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // Atlassian's token examples send client_id and client_secret in the request body.
  clientAuthLocation: 'body',
  // Both documented as required parameters of the authorization URL.
  extra: { authorize: { audience: 'api.atlassian.com', prompt: 'consent' } },
  account: {
    userInfoUri: 'https://api.atlassian.com/me',
    idPath: 'account_id',
    displayNamePath: 'name',
    // "retrieves all the sites that this token is valid for and their cloudId value denoted as id" (read 2026-12-03):
    // https://developer.atlassian.com/cloud/oauth/getting-started/making-calls-to-api/ (a JSON array of sites).
    metadata: { uri: 'https://api.atlassian.com/oauth/token/accessible-resources', fields: { cloud_id: '0.id' } },
  },
  // Rotating refresh tokens since 2022: each /oauth/token call invalidates the previous refresh token.
  rotatesRefreshTokens: true,
  // Inactivity expiry of 90 days (community.developer.atlassian.com, "Deprecating persistent refresh tokens"); 30 days.
  keepAliveSeconds: 2_592_000,
  // The provider's API for the proxy: https://developer.atlassian.com/cloud/oauth/getting-started/making-calls-to-api/ (read 2026-12-03)
  // OAuth 2.0 (3LO) calls go via api.atlassian.com, not the site's own host, with a bearer token.
  // Calls name the site: `/ex/jira/{cloudId}/rest/api/3/…` (the cloud id from `/oauth/token/accessible-resources`).
  api: { baseUrl: 'https://api.atlassian.com' },
} satisfies Partial<ProviderSpecInput>;
