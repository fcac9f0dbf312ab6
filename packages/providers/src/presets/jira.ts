import type { ProviderSpecInput } from '@tokenvault/core';
import { atlassian } from './atlassian.js';

/**
 * Jira Cloud through Atlassian's OAuth 2.0 (3LO): the `atlassian` preset (audience, consent prompt, rotating refresh
 * tokens with `offline_access`), spread here, with Jira's classic scopes, which Atlassian recommends over granular
 * ones. Calls go to `https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/…`; the site's cloud id is known only after
 * the grant (`GET /oauth/token/accessible-resources`): the `atlassian` preset keeps the first site's when the account
 * connects, and the API base URL names it, so proxied paths start at `/rest/api/3/…`.
 */
export const jira = {
  ...atlassian,
  id: 'jira',
  displayName: 'Jira',
  logo: 'jira',
  // Jira's scopes (read 2026-12-03): https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/
  docs: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  setup:
    "Create an OAuth 2.0 integration in the Atlassian developer console, add the Jira API (`read:jira-work`, `read:jira-user`) and the User identity API (`read:me`) under Permissions, and the callback URL `{publicUrl}/api/auth/jira/handler/frame` under Authorization. The proxy calls the first site the user granted (its cloud id is kept as the account's `metadata.cloud_id`); for another site, the app reads `https://api.atlassian.com/oauth/token/accessible-resources`.",
  // read:jira-work reads projects and issues, read:jira-user user profiles; read:me lets /me identify the account.
  scopes: {
    default: ['read:jira-work', 'read:jira-user', 'read:me', 'offline_access'],
    required: ['offline_access'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/
  // `/ex/jira/{cloudId}/rest/api/3/…` on api.atlassian.com.
  api: { baseUrl: 'https://api.atlassian.com/ex/jira/{metadata.cloud_id}' },
} satisfies Partial<ProviderSpecInput>;
