import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Dropbox: OAuth 2.0 with short-lived (about 4-hour) access tokens; `token_access_type=offline` is needed for a
 * refresh token, which is long-lived and not rotated. The account comes from Dropbox's OpenID Connect ID token
 * (`sub` = account id, issuer https://www.dropbox.com) because its userinfo and account endpoints are POST-only RPC
 * calls; Dropbox publishes no discovery document, so the endpoints are explicit. Token revocation
 * (`/2/auth/token/revoke`) is a bearer RPC call, not RFC 7009.
 */
export const dropbox = {
  id: 'dropbox',
  displayName: 'Dropbox',
  type: 'oidc',
  category: 'productivity',
  logo: 'dropbox',
  docs: 'https://developers.dropbox.com/oauth-guide',
  setup:
    'Create a scoped-access app in the Dropbox App Console with the redirect URI `{publicUrl}/api/auth/dropbox/handler/frame` and, on the Permissions tab, `openid`, `email` and the file scopes your app needs. Request those file scopes in `scopes` too: Dropbox grants only the scopes the authorization URL names.',
  authorizeUri: 'https://www.dropbox.com/oauth2/authorize',
  tokenUri: 'https://api.dropboxapi.com/oauth2/token',
  // OIDC needs `openid` plus at least one of `profile` or `email` (developers.dropbox.com/oidc-guide).
  scopes: { default: ['openid', 'email'], required: ['openid', 'email'], separator: ' ' },
  // Dropbox's token examples authenticate with `-u APP_KEY:APP_SECRET`.
  clientAuthLocation: 'headers',
  // Without offline access Dropbox issues no refresh token (dropbox.tech, "Using OAuth 2.0 with offline access").
  extra: { authorize: { token_access_type: 'offline' } },
  account: { idPath: 'sub', displayNamePath: 'email' },
  // The provider's API for the proxy: https://www.dropbox.com/developers/documentation/http/documentation (read 2026-12-03):
  // RPC endpoints are on api.dropboxapi.com, authenticated with the `Authorization` header.
  // File content goes to content.dropboxapi.com, another host: configure a second provider entry for it.
  api: { baseUrl: 'https://api.dropboxapi.com/2' },
} satisfies Partial<ProviderSpecInput>;
