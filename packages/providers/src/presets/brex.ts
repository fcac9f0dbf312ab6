import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Brex (corporate cards and spend management) for developer partners: Brex issues the client id and secret on
 * request (there is no self-serve app registration). The authorization server is OpenID Connect compliant, with
 * discovery under its issuer; `openid` is required and `offline_access` brings the refresh token. OAuth access
 * tokens last an hour. API hosts moved to api.brex.com in 2026 (platform.brexapis.com keeps working).
 */
export const brex = {
  id: 'brex',
  displayName: 'Brex',
  type: 'oidc',
  category: 'accounting',
  logo: 'brex',
  // (read 2026-12-03)
  docs: 'https://developer.brex.com/docs/partner_authentication',
  setup:
    'Register as a Brex developer partner and ask Brex developer support for a client id and secret, giving `{publicUrl}/api/auth/brex/handler/frame` as the redirect URI and the scopes your app needs (https://developer.brex.com/guides/roles_permissions_scopes).',
  // Discovery: https://accounts-api.brex.com/oauth2/default/.well-known/openid-configuration
  issuer: 'https://accounts-api.brex.com/oauth2/default',
  scopes: { default: ['openid', 'offline_access'], required: ['openid', 'offline_access'], separator: ' ' },
  clientAuthLocation: 'body',
  account: { idPath: 'sub' },
  // The provider's API for the proxy: https://developer.brex.com/guides/partner_authentication ("Production:
  // https://api.brex.com").
  api: { baseUrl: 'https://api.brex.com' },
} satisfies Partial<ProviderSpecInput>;
