import type { ProviderSpecInput } from '@tokenvault/core';
import { zoho } from './zoho.js';

/**
 * Zoho WorkDrive: the Zoho accounts server (the `zoho` preset: data centers, offline access, the data center's
 * `api_domain`) with WorkDrive's scopes and its REST API below `/workdrive/api/v1` on that API
 * host. Scopes read `WorkDrive.<scope>.<operation>` (WorkDrive.team.READ, WorkDrive.files.READ …).
 */
export const zohoWorkdrive = {
  ...zoho,
  id: 'zoho-workdrive',
  displayName: 'Zoho WorkDrive',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://www.zoho.com/workdrive/developer/docs/api/v1/oauth-authentication-scopes.html',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho-workdrive/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set `params.dataCenter.default`. Add the WorkDrive scopes the app needs (WorkDrive.files.CREATE …) in the configuration.',
  scopes: {
    default: ['AaaServer.profile.Read', 'WorkDrive.team.READ', 'WorkDrive.files.READ'],
    required: ['AaaServer.profile.Read'],
    separator: ',',
  },
  // Calls with `Authorization: Zoho-oauthtoken …` to the data center's API host:
  // https://www.zoho.com/workdrive/developer/docs/api/v1/oauth-authentication-making-api-calls-with-access-token.html
  api: { ...zoho.api, baseUrl: '{metadata.api_domain}/workdrive/api/v1' },
} satisfies Partial<ProviderSpecInput>;
