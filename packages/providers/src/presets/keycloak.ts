import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Keycloak: an OpenID provider per realm on a self-hosted server, discovered from `https://<host>/realms/<realm>`;
 * host and realm are entered when connecting. Keycloak is self-hosted, so both are whatever its administrator chose.
 */
export const keycloak = {
  id: 'keycloak',
  displayName: 'Keycloak',
  type: 'oidc',
  category: 'identity',
  logo: 'keycloak',
  // Endpoints below `/realms/{realm-name}/`: (read 2026-12-03)
  docs: 'https://keycloak.org/securing-apps/oidc-layers',
  setup:
    'In the realm create an OpenID Connect client with Client authentication on, the Standard flow enabled and the valid redirect URI `{publicUrl}/api/auth/keycloak/handler/frame`. Pass the server host and the realm when connecting (`/start?host=sso.example.com&realm=acme`) or set `params.host.default` and `params.realm.default`.',
  issuer: 'https://{host}/realms/{realm}',
  params: {
    host: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?',
      description: 'the Keycloak server host (and port), e.g. sso.example.com',
    },
    realm: { pattern: '[A-Za-z0-9_-]+', description: 'the realm name, e.g. acme' },
  },
  // `scope=offline_access` asks for an offline token, a refresh token not bound to the SSO session; the user needs the
  // realm's offline_access role, and the offline_access client scope is an optional client scope by default
  // (Red Hat build of Keycloak, Server Administration Guide, "Offline access",
  // https://docs.redhat.com/zh-cn/documentation/red_hat_build_of_keycloak/26.2/html/server_administration_guide/offline-access).
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'preferred_username' },
  // No `api`: the Admin REST API (`https://<host>/admin/realms/<realm>`) needs admin roles; set `api.baseUrl` in the
  // configuration to use it.
} satisfies Partial<ProviderSpecInput>;
