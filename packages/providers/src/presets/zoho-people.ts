import type { ProviderSpecInput } from '@tokenvault/core';
import { zoho } from './zoho.js';

/**
 * Zoho People (HR): the Zoho accounts server (the `zoho` preset: data centers, offline access, the account read from
 * `/oauth/user/info`) with People's scopes and its REST API on the People host (people.zoho.com). Employee data
 * lives in forms (`employee`, `department`, `leave` and the organization's own), read and written through
 * `/people/api/forms/<formLinkName>/…`.
 */
export const zohoPeople = {
  ...zoho,
  id: 'zoho-people',
  displayName: 'Zoho People',
  category: 'hr',
  // (read 2026-12-03)
  docs: 'https://www.zoho.com/people/api/scopes.html',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho-people/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set `params.dataCenter.default`. Replace ZOHOPEOPLE.forms.READ with the People scopes the app needs (ZOHOPEOPLE.forms.ALL, ZOHOPEOPLE.leave.ALL …) in the configuration.',
  // "service_name.scope_name.operation_type", e.g. ZOHOPEOPLE.forms.ALL or ZOHOPEOPLE.timesheet.READ, asked at
  // https://accounts.zoho.com/oauth/v2/auth (https://www.zoho.com/people/api/scopes.html, read 2026-12-03).
  // AaaServer.profile.Read lets the zoho preset's /oauth/user/info name the account.
  scopes: {
    default: ['AaaServer.profile.Read', 'ZOHOPEOPLE.forms.READ'],
    required: ['AaaServer.profile.Read'],
    separator: ',',
  },
  // "Request URL: https://people.zoho.com/people/api/forms/<formLinkName>/getRecords" with
  // `Authorization: Zoho-oauthtoken …` and scope ZOHOPEOPLE.forms.ALL or .READ ("Get Bulk Records API",
  // https://www.zoho.com/people/api/bulk-records.html, read 2026-12-03). The People host of another data center
  // (people.zoho.eu …) follows the pattern of Zoho's other products; Zoho's People pages read here show only .com.
  api: {
    baseUrl: 'https://people.{dataCenter}',
    auth: { type: 'header', name: 'Authorization', prefix: 'Zoho-oauthtoken ' },
  },
} satisfies Partial<ProviderSpecInput>;
