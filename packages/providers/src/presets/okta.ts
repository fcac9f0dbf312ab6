import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Okta: an OpenID provider per organization, discovered from the issuer the configuration gives (org or custom
 * authorization server); revocation comes from discovery. A refresh token needs `offline_access` and the app's
 * Refresh Token grant; web apps keep one refresh token unless "Rotate token after every use" is set. The default
 * access policy expires refresh tokens unused for 7 days, hence the keep-alive.
 */
export const okta = {
  id: 'okta',
  displayName: 'Okta',
  type: 'oidc',
  category: 'identity',
  logo: 'okta',
  docs: 'https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/',
  setup:
    'In the Okta Admin Console create an OIDC Web Application with the sign-in redirect URI `{publicUrl}/api/auth/okta/handler/frame` and the Refresh Token grant allowed. Set `issuer: https://<your-okta-domain>/oauth2/default` (a custom authorization server) or `issuer: https://<your-okta-domain>` (the org authorization server).',
  // offline_access is required for Okta to return a refresh token from the code flow.
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  // Okta's token examples authenticate the client with HTTP Basic.
  clientAuthLocation: 'headers',
  account: { idPath: 'sub' },
  // Default policy: "Unlimited, but expires every seven days if hasn't been used" (refresh-tokens guide); 2 days.
  // Okta's support article "Refresh Token Expiration Behavior" (read 2026-12-03): on the org authorization server a
  // refresh token lives 90 days with no idle expiry; a custom server's access policy sets 10 minutes to 5 years or
  // unlimited, plus an idle expiry; a rotated refresh token keeps its predecessor's expiry
  // (https://support.okta.com/help/s/article/refresh-token-expiration-behavior).
  keepAliveSeconds: 172_800,
  // No `api`: the Okta API is on the organization's own domain (`https://<domain>/api/v1`); set `api.baseUrl` in the
  // configuration.
} satisfies Partial<ProviderSpecInput>;
