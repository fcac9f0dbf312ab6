import type { ProviderSpecInput } from '@tokenvault/core';
import { zoho } from './zoho.js';

/**
 * Zoho CRM: the Zoho accounts server (the `zoho` preset: data centers, offline access, the
 * data center's `api_domain`) with CRM's scopes and its REST API. Scopes read `ZohoCRM.<scope>.<operation>`;
 * `ZohoCRM.modules.ALL` reaches every module's records. Each CRM environment (production, sandbox, developer)
 * is its own organization with its own tokens.
 */
export const zohoCrm = {
  ...zoho,
  id: 'zoho-crm',
  displayName: 'Zoho CRM',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://www.zoho.com/crm/developer/docs/api/v8/oauth-overview.html',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho-crm/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set `params.dataCenter.default`. Add narrower CRM scopes (ZohoCRM.modules.leads.READ …) in the configuration if the app needs less.',
  // https://www.zoho.com/crm/developer/docs/api/v8/scopes.html: service.scope.operation.
  scopes: {
    default: ['AaaServer.profile.Read', 'ZohoCRM.modules.ALL'],
    required: ['AaaServer.profile.Read'],
    separator: ',',
  },
  // The CRM REST API under the data center's API host (`/crm/v8/Leads` …).
  api: { ...zoho.api, baseUrl: '{metadata.api_domain}/crm' },
} satisfies Partial<ProviderSpecInput>;
