import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Microsoft identity platform (Entra ID work or school accounts and personal Microsoft accounts), v2.0 endpoints of
 * the `common` tenant. Plain OAuth 2.0: with `common` the ID token's issuer names the user's own tenant, which no
 * configuration can predict, so the account comes from Microsoft Graph `/me` and `openid` is not requested.
 * `offline_access` yields a refresh token that replaces itself on every use (90 days; 24 hours for SPA redirect
 * URIs). No RFC 7009 revocation endpoint.
 */
export const microsoft = {
  id: 'microsoft',
  displayName: 'Microsoft',
  type: 'oauth2',
  category: 'productivity',
  docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
  setup:
    'Register an app in the Microsoft Entra admin center > App registrations with a Web platform redirect URI `{publicUrl}/api/auth/microsoft/handler/frame` (not SPA: SPA refresh tokens last 24 hours) and a client secret. The tenant defaults to `common`; for one tenant set `params.tenant.default` to its id (or `organizations` / `consumers`), or pass `tenant=` when connecting.',
  // The tenant is part of the authority URL (learn.microsoft.com/en-us/entra/identity-platform/v2-protocols).
  params: {
    tenant: {
      pattern:
        'common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+\\.onmicrosoft\\.com',
      description: 'the Entra tenant: common, organizations, consumers, a tenant id or <name>.onmicrosoft.com',
      default: 'common',
    },
  },
  authorizeUri: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
  tokenUri: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
  // offline_access is what makes Microsoft issue a refresh token; User.Read lets /me identify the account.
  scopes: { default: ['User.Read', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // The v2.0 token endpoint documents client_secret as a form parameter.
  clientAuthLocation: 'body',
  // learn.microsoft.com/en-us/graph/api/user-get: GET /me with the delegated User.Read permission.
  account: { userInfoUri: 'https://graph.microsoft.com/v1.0/me', idPath: 'id', displayNamePath: 'displayName' },
  // "Refresh tokens replace themselves with a fresh token upon every use" (learn.microsoft.com/en-us/entra/
  // identity-platform/refresh-tokens).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://learn.microsoft.com/graph/use-the-api (read 2026-12-03):
  // `https://graph.microsoft.com/{version}/{resource}`.
  // Microsoft Graph: `/v1.0/me`, `/v1.0/me/drive`…
  api: { baseUrl: 'https://graph.microsoft.com' },
} satisfies Partial<ProviderSpecInput>;
