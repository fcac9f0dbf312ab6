import type { ProviderSpecInput } from '@tokenvault/core';
import { zoho } from './zoho.js';

/**
 * Zoho Desk: the Zoho accounts server (the `zoho` preset: data centers, offline access) with
 * Desk's scopes and its REST API on the data center's desk host (desk.zoho.com, desk.zoho.eu …). Every call except
 * `/organizations` names the help desk in an `orgId` header: the first organization `/organizations` lists is kept
 * when connecting and sent by default (a user in several sends its own header for another).
 */
export const zohoDesk = {
  ...zoho,
  id: 'zoho-desk',
  displayName: 'Zoho Desk',
  category: 'support',
  // (read 2026-12-03)
  docs: 'https://desk.zoho.com/DeskAPIDocument',
  setup:
    'Register a "Server-based Application" in the Zoho API Console with the redirect URI {publicUrl}/api/auth/zoho-desk/handler/frame. The data center defaults to zoho.com (US); pass another when connecting (`/start?dataCenter=zoho.eu&…`) or set `params.dataCenter.default`. Add the Desk scopes the app needs (Desk.contacts.READ …) in the configuration.',
  // Desk scopes read `Desk.<module>.<operation>` (Desk.tickets.READ, Desk.tickets.CREATE …).
  scopes: {
    default: ['AaaServer.profile.Read', 'Desk.tickets.READ'],
    required: ['AaaServer.profile.Read'],
    separator: ',',
  },
  // API root desk.zoho.com/api/v1 (same page) with `Authorization: Zoho-oauthtoken …`; each data center has its
  // own desk host.
  // "All Zoho Desk APIs require these two mandatory fields in the header": Authorization and orgId (same page).
  // The list's shape (`data` of organizations with `id`) is not confirmed from Zoho's own sources: the Desk API page
  // above was readable only as far as its introduction, and Zoho's Desk samples and SDKs read here (ZohoDeskOAuth,
  // zohodesk-api/OAuth, the Desk iOS SDK's headers; read 2026-12-03) never call `/organizations`; this is how the
  // Desk API's other lists answer. Not essential: with a wrong path connecting still works, and proxy calls send
  // their own `orgId` header (the vault refuses to send an empty one).
  account: {
    ...zoho.account,
    metadata: { uri: 'https://desk.{dataCenter}/api/v1/organizations', fields: { org_id: 'data.0.id' } },
  },
  api: {
    baseUrl: 'https://desk.{dataCenter}/api/v1',
    auth: { type: 'header', name: 'Authorization', prefix: 'Zoho-oauthtoken ' },
    headers: { orgId: '{metadata.org_id}' },
  },
} satisfies Partial<ProviderSpecInput>;
