import type { ProviderSpecInput } from '@tokenvault/core';
import { atlassian } from './atlassian.js';

/**
 * Confluence Cloud through Atlassian's OAuth 2.0 (3LO): the `atlassian` preset (audience, consent prompt, rotating
 * refresh tokens with `offline_access`), spread here, with Confluence's classic read scopes. Calls go to
 * `https://api.atlassian.com/ex/confluence/{cloudId}/wiki/…`; the site's cloud id is known only after the grant (`GET
 * /oauth/token/accessible-resources`): the `atlassian` preset keeps the first site's when the account connects, and
 * the API base URL names it. Confluence's own space and page permissions still apply: a valid token may see no pages.
 */
export const confluence = {
  ...atlassian,
  id: 'confluence',
  displayName: 'Confluence',
  logo: 'confluence',
  // The flow itself is Atlassian's 3LO, documented once for all products: https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
  // (read 2026-12-03)
  docs: 'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/',
  setup:
    "Create an OAuth 2.0 integration in the Atlassian developer console, add the Confluence API (`read:confluence-content.summary`, `read:confluence-space.summary`) and the User identity API (`read:me`) under Permissions, and the callback URL `{publicUrl}/api/auth/confluence/handler/frame` under Authorization. The proxy calls the first site the user granted (its cloud id is kept as the account's `metadata.cloud_id`); for another site, the app reads `https://api.atlassian.com/oauth/token/accessible-resources`.",
  // Summaries of spaces and content: the smallest classic read scopes; read:me lets /me identify the account.
  scopes: {
    default: ['read:confluence-content.summary', 'read:confluence-space.summary', 'read:me', 'offline_access'],
    required: ['offline_access'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developer.atlassian.com/cloud/confluence/rest/v2/intro/
  // `/ex/confluence/{cloudId}/wiki/api/v2/…` on api.atlassian.com.
  api: { baseUrl: 'https://api.atlassian.com/ex/confluence/{metadata.cloud_id}' },
} satisfies Partial<ProviderSpecInput>;
