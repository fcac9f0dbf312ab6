import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Auth0: an OpenID provider per tenant, discovered from `https://<tenant domain>/` (the issuer keeps its trailing
 * slash); the tenant domain (or its custom domain) is entered when connecting. A refresh token comes only with the
 * `offline_access` scope and when the API allows offline access; with refresh token rotation switched on, every
 * refresh returns a new refresh token and reusing an old one revokes the whole family.
 */
export const auth0 = {
  id: 'auth0',
  displayName: 'Auth0',
  type: 'oidc',
  category: 'identity',
  logo: 'auth0',
  // Auth0's guide to OIDC discovery (read 2026-12-03)
  docs: 'https://auth0.com/docs/get-started/applications/configure-applications-with-oidc-discovery',
  setup:
    'In the Auth0 Dashboard create a Regular Web Application, add `{publicUrl}/api/auth/auth0/handler/frame` to Allowed Callback URLs and enable the Refresh Token grant (Advanced Settings > Grant Types). Pass the tenant domain when connecting (`/start?domain=acme.eu.auth0.com`) or set `params.domain.default`.',
  // The tenant's domain (`<tenant>.<region>.auth0.com`) or a custom domain configured for it.
  issuer: 'https://{domain}/',
  params: {
    domain: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+',
      description: 'the Auth0 tenant domain, e.g. acme.eu.auth0.com, or its custom domain',
    },
  },
  // offline_access asks for a refresh token: https://auth0.com/docs/secure/tokens/refresh-tokens
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  // https://auth0.com/docs/secure/tokens/refresh-tokens/configure-refresh-token-rotation
  rotatesRefreshTokens: true,
  account: { idPath: 'sub', displayNamePath: 'name' },
  // No `api`: Auth0's Management API is on the tenant's domain and wants its own audience; a configuration that
  // needs it sets `api.baseUrl` (`https://<domain>/api/v2`).
} satisfies Partial<ProviderSpecInput>;
