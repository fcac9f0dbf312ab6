import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * ZITADEL: an OpenID provider per instance, discovered from the instance's domain (ZITADEL Cloud
 * `<name>.zitadel.cloud` or a self-hosted or custom domain), entered when connecting. A refresh token comes only with
 * the `offline_access` scope and when the application allows the Refresh Token grant.
 */
export const zitadel = {
  id: 'zitadel',
  displayName: 'ZITADEL',
  type: 'oidc',
  category: 'identity',
  // "OpenID Connect Endpoints in ZITADEL": discovery at `${CUSTOM_DOMAIN}/.well-known/openid-configuration`
  // (read 2026-12-03)
  docs: 'https://zitadel.com/docs/apis/openidoauth/endpoints',
  setup:
    'In a ZITADEL project add a Web application (authentication method Basic or Post) with the redirect URI `{publicUrl}/api/auth/zitadel/handler/frame` and the Refresh Token grant. Pass the instance domain when connecting (`/start?domain=acme-abc123.zitadel.cloud`) or set `params.domain.default`.',
  issuer: 'https://{domain}',
  params: {
    domain: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+',
      description: 'the ZITADEL instance domain, e.g. acme-abc123.zitadel.cloud',
    },
  },
  // `offline_access` asks for a refresh token (github.com/zitadel/oidc/issues/366, answered by the maintainers).
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'preferred_username' },
  // No `api`: ZITADEL's management APIs are on the instance domain and need their own scopes; set `api.baseUrl`.
} satisfies Partial<ProviderSpecInput>;
