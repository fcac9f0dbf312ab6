import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * Microsoft Teams through Microsoft Graph; work or school accounts only (`/me/joinedTeams` does not support personal
 * accounts, learn.microsoft.com/en-us/graph/api/user-list-joinedteams). The Microsoft identity platform's rules
 * (tenants, `offline_access`, refresh tokens that replace themselves on every use) are the `microsoft` preset's, spread
 * here; this one asks for Team.ReadBasic.All. `Team.ReadBasic.All` is the least-privileged delegated permission for
 * listing the user's teams.
 */
export const microsoftTeams = {
  ...microsoft,
  id: 'microsoft-teams',
  displayName: 'Microsoft Teams',
  category: 'communication',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/en-us/graph/teams-concept-overview',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/microsoft-teams/handler/frame` and a client secret, and add the delegated Microsoft Graph permissions Team.ReadBasic.All under API permissions. The tenant defaults to `organizations` (personal accounts are not supported); for one tenant set `params.tenant.default` to its id, or pass `tenant=` when connecting.',
  // Personal Microsoft accounts cannot use it: the tenant defaults to `organizations` (any work or school account).
  params: { tenant: { ...microsoft.params.tenant, default: 'organizations' } },
  // User.Read lets /me identify the account; offline_access makes Microsoft issue a refresh token.
  scopes: {
    default: ['User.Read', 'Team.ReadBasic.All', 'offline_access'],
    required: ['offline_access'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/graph/api/resources/teams-api-overview
  // Calls are `/v1.0/me/joinedTeams`, `/v1.0/teams/{id}/channels`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
