import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * OneDrive (personal and for Business) through Microsoft Graph. The Microsoft identity platform's rules (tenants,
 * `offline_access`, refresh tokens that replace themselves on every use) are the `microsoft` preset's, spread here;
 * this one asks for Files.Read. `Files.Read` reads the user's own files; `Files.Read.All` adds files shared with them
 * (learn.microsoft.com/en-us/graph/permissions-reference).
 */
export const onedrive = {
  ...microsoft,
  id: 'onedrive',
  displayName: 'OneDrive',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/onedrive/developer/rest-api/getting-started/graph-oauth',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/onedrive/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Files.Read under API permissions. The tenant defaults to `common`; for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: { default: ['User.Read', 'Files.Read', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/onedrive/developer/rest-api/
  // Calls are `/v1.0/me/drive/root/children`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
