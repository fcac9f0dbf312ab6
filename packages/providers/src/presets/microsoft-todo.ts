import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * Microsoft To Do task lists through Microsoft Graph. The Microsoft identity platform's rules (tenants,
 * `offline_access`, refresh tokens that replace themselves on every use) are the `microsoft` preset's, spread here;
 * this one asks for Tasks.Read. `Tasks.Read` reads the user's own task lists; `Tasks.ReadWrite` adds writes
 * (learn.microsoft.com/en-us/graph/permissions-reference).
 */
export const microsoftTodo = {
  ...microsoft,
  id: 'microsoft-todo',
  displayName: 'Microsoft To Do',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/graph/todo-concept-overview',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/microsoft-todo/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Tasks.Read under API permissions. The tenant defaults to `common`; for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: { default: ['User.Read', 'Tasks.Read', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/graph/api/resources/todo-overview
  // Calls are `/v1.0/me/todo/lists`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
