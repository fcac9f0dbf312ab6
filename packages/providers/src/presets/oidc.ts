import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Generic preset (no display name: a configured provider is shown by its id unless it names itself).
 * Any OpenID Connect provider, found through discovery (`issuer`). Asks for `offline_access`, which the engine
 * pairs with `prompt=consent` as OIDC Core §11 requires, so the provider issues a refresh token.
 */
export const oidc = {
  id: 'oidc',
  type: 'oidc',
  category: 'identity',
  logo: 'openid',
  docs: 'https://openid.net/specs/openid-connect-core-1_0.html',
  setup:
    'Register a confidential client with the authorization-code grant and the redirect URI at the OpenID ' +
    'provider; the configuration gives its issuer (discovery reads the endpoints from it).',
  scopes: { default: ['openid', 'profile', 'email', 'offline_access'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub' },
  // No `api`: a generic provider; the configuration gives `api` for its own API.
} satisfies Partial<ProviderSpecInput>;
