import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * OneNote notebooks through Microsoft Graph (work, school and personal Microsoft accounts). The Microsoft identity
 * platform's rules (tenants, `offline_access`, refresh tokens that replace themselves on every use) are the `microsoft`
 * preset's, spread here; this one asks for Notes.Read, which reads the user's own notebooks (`Notes.Read.All` adds
 * those shared with them).
 */
export const microsoftOnenote = {
  ...microsoft,
  id: 'microsoft-onenote',
  displayName: 'OneNote',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/graph/api/resources/onenote-api-overview',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/microsoft-onenote/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Notes.Read under API permissions. The tenant defaults to `common`; for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: { default: ['User.Read', 'Notes.Read', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/graph/api/resources/onenote
  // Calls are `/v1.0/me/onenote/notebooks`, `/v1.0/me/onenote/pages`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
