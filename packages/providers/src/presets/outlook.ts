import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * Outlook mail and calendar through Microsoft Graph (work, school and personal Microsoft accounts). The Microsoft
 * identity platform's rules (tenants, `offline_access`, refresh tokens that replace themselves on every use) are the
 * `microsoft` preset's, spread here; this one asks for Mail.Read and Calendars.Read. `Mail.Read` and `Calendars.Read`
 * are delegated permissions a user may grant without an admin (learn.microsoft.com/en-us/graph/permissions-reference).
 */
export const outlook = {
  ...microsoft,
  id: 'outlook',
  displayName: 'Outlook',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/graph/outlook-mail-concept-overview',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/outlook/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Mail.Read and Calendars.Read under API permissions. The tenant defaults to `common`; for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: {
    default: ['User.Read', 'Mail.Read', 'Calendars.Read', 'offline_access'],
    required: ['offline_access'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/graph/api/user-list-messages
  // Calls are `/v1.0/me/messages`, `/v1.0/me/events`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
