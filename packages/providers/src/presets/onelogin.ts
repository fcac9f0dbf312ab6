import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * OneLogin: an OpenID provider per account subdomain, discovered from the issuer the configuration gives
 * (`https://<subdomain>.onelogin.com/oidc/2`). The code flow rejects the `offline_access` scope; a refresh token
 * comes when the app's token settings give refresh tokens a lifetime. The token endpoint takes client credentials
 * in exactly one place (HTTP Basic by default; sending them in the header and the body is an error).
 */
export const onelogin = {
  id: 'onelogin',
  displayName: 'OneLogin',
  type: 'oidc',
  category: 'identity',
  docs: 'https://developers.onelogin.com/openid-connect/api/authorization-code',
  setup:
    'Add an "OpenID Connect (OIDC)" app in the OneLogin admin portal with the redirect URI `{publicUrl}/api/auth/onelogin/handler/frame`, Token Endpoint Authentication Method "Basic" and a refresh token timeout. Set `issuer: https://<your-subdomain>.onelogin.com/oidc/2`.',
  // "The offline_access scope is not supported on this grant type and will return an error if provided" (docs).
  scopes: { default: ['openid', 'profile', 'email'], required: ['openid'], separator: ' ' },
  // OneLogin's default Token Endpoint Authentication Method is Basic; "both" would be rejected. The code exchange
  // (a form POST to the discovered token endpoint) takes `Authorization: Basic` when the app's method is
  // Basic and client_id/client_secret in the body when it is POST, and answers access, refresh and ID tokens with
  // `expires_in: 3600` (https://developers.onelogin.com/openid-connect/api/authorization-code-grant, read 2026-12-03).
  clientAuthLocation: 'headers',
  account: { idPath: 'sub' },
  // No `api`: the OneLogin API is on the account's own subdomain; set `api.baseUrl` in the configuration.
} satisfies Partial<ProviderSpecInput>;
