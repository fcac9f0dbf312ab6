import type { ProviderSpecInput } from '@tokenvault/core';
import { microsoft } from './microsoft.js';

/**
 * Microsoft Dynamics 365 (Dataverse: Sales, Customer Service): the Microsoft identity platform (the `microsoft`
 * preset's tenant and endpoints; refresh tokens that replace themselves) with the environment's Web API as the
 * resource. Its scope names the environment's own host (`https://<org>.crm.dynamics.com/user_impersonation`),
 * which a preset cannot know, so the configuration adds it; scopes cannot name per-account params yet, so one
 * configured provider serves one environment. The account is the Dataverse user (the WhoAmI function).
 */
export const dynamics365 = {
  ...microsoft,
  id: 'dynamics365',
  displayName: 'Dynamics 365',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://learn.microsoft.com/power-apps/developer/data-platform/webapi/quick-start-console-app-csharp',
  setup:
    "Register a Web app in the Microsoft Entra admin center with the redirect URI `{publicUrl}/api/auth/dynamics365/handler/frame`, a client secret and the Dynamics CRM `user_impersonation` API permission. Set `params.environment.default` to the environment's host (e.g. contoso.crm.dynamics.com) and add `https://<that host>/user_impersonation` to the scopes; the tenant defaults to `common`.",
  params: {
    ...microsoft.params,
    environment: {
      pattern: '[a-z0-9][a-z0-9-]*\\.crm[0-9]*\\.dynamics\\.com',
      description: 'the Dataverse environment host, e.g. contoso.crm.dynamics.com',
    },
  },
  scopes: { default: ['offline_access'], required: ['offline_access'], separator: ' ' },
  // WhoAmI answers `{UserId, BusinessUnitId, OrganizationId}` for the signed-in user.
  account: { userInfoUri: 'https://{environment}/api/data/v9.2/WhoAmI', idPath: 'UserId' },
  // The provider's API for the proxy: the environment's Web API (`/api/data/v9.2/accounts` …).
  api: { baseUrl: 'https://{environment}/api/data' },
} satisfies Partial<ProviderSpecInput>;
