import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * SharePoint Online sites, lists and document libraries through Microsoft Graph; work or school accounts only. The
 * Microsoft identity platform's rules (tenants, `offline_access`, refresh tokens that replace themselves on every use)
 * are the `microsoft` preset's, spread here; this one asks for Sites.Read.All. `Sites.Read.All` (delegated) reads the
 * sites the user can (learn.microsoft.com/en-us/graph/permissions-reference).
 */
export const sharepoint = {
  ...microsoft,
  id: 'sharepoint',
  displayName: 'SharePoint',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/graph/api/resources/sharepoint',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/sharepoint/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Sites.Read.All under API permissions. The tenant defaults to `organizations` (personal accounts are not supported); for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // Personal Microsoft accounts cannot use it: the tenant defaults to `organizations` (any work or school account).
  params: { tenant: { ...microsoft.params.tenant, default: 'organizations' } },
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: { default: ['User.Read', 'Sites.Read.All', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/graph/api/resources/sharepoint
  // Calls are `/v1.0/sites/{hostname}:/{site-path}`, `/v1.0/sites/{site-id}/drives`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
