import type { ProviderSpecInput } from '@tokenvault/core';
import { zoho } from './zoho.js';

/**
 * Zoho SalesIQ (live chat and visitor engagement): the Zoho accounts server (the `zoho` preset: data centers,
 * offline access, the account read from `/oauth/user/info`) with SalesIQ's scopes and its REST API on the data
 * center's SalesIQ host (salesiq.zoho.com, salesiq.zoho.eu …). Every API path names the SalesIQ portal by its screen
 * name: `/api/v2/{screen name}/operators` and so on.
 */
export const zohoSalesiq = {
  ...zoho,
  id: 'zoho-salesiq',
  displayName: 'Zoho SalesIQ',
  category: 'support',
  // "Prerequisite - Generate OAuth Token" (read 2026-12-03)
  docs: 'https://www.zoho.com/salesiq/help/developer-section/rest-api-prerequisite.html',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho-salesiq/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set `params.dataCenter.default`. Add the SalesIQ scopes the app needs (SalesIQ.operators.CREATE …) in the configuration; API paths start with the portal\'s screen name.',
  // Scopes "separated by commas", written "Servicename.Scopename.Operation", e.g. SalesIQ.chatdetails.READ; a refresh
  // token only with access_type offline (the docs page above, read 2026-12-03), which the zoho preset asks.
  // AaaServer.profile.Read lets the zoho preset's /oauth/user/info name the account.
  scopes: {
    default: ['AaaServer.profile.Read', 'SalesIQ.chatdetails.READ'],
    required: ['AaaServer.profile.Read'],
    separator: ',',
  },
  // "https://{zohosalesiq_server_uri}/api/v2/{screen name}/operators", e.g.
  // https://salesiq.zoho.com/api/v2/zylker-inc/operators, with scope SalesIQ.operators.CREATE ("Create Operator",
  // https://www.zoho.com/salesiq/help/developer-section/rest-api-create-operator.html, read 2026-12-03). The server
  // URI is salesiq.zoho.com, .eu, .in, .com.au, .com.cn or .jp, beside accounts.zoho.<the same>
  // (https://www.zoho.com/salesiq/help/developer-section/rest-api-v2.html, read 2026-12-03); that page lists no
  // SalesIQ host for the zoho preset's other data centers (zoho.sa, zoho.uk, zohocloud.ca). The same page says the
  // API answers its own errors with HTTP 200 and an `error` object: the proxy passes those through as they come.
  // The token goes as `Zoho-oauthtoken`, as for the zoho preset's other APIs.
  api: {
    baseUrl: 'https://salesiq.{dataCenter}/api/v2',
    auth: { type: 'header', name: 'Authorization', prefix: 'Zoho-oauthtoken ' },
  },
} satisfies Partial<ProviderSpecInput>;
