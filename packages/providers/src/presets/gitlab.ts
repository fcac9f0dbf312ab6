import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * GitLab (gitlab.com or a self-managed instance): an OpenID provider with discovery, PKCE supported. Access tokens
 * last 2 hours; a refresh invalidates the old access and refresh tokens and returns new ones, so refresh tokens
 * rotate. Revocation (RFC 7009, `/oauth/revoke`) comes from discovery.
 */
export const gitlab = {
  id: 'gitlab',
  displayName: 'GitLab',
  type: 'oidc',
  category: 'dev-tools',
  logo: 'gitlab',
  docs: 'https://docs.gitlab.com/api/oauth2/',
  setup:
    'Create an application under User settings > Applications (or a group or instance application) with the redirect URI `{publicUrl}/api/auth/gitlab/handler/frame` and the scopes `openid profile email` plus those your app calls. For a self-managed instance set `issuer: https://<your-gitlab-host>`.',
  issuer: 'https://gitlab.com',
  scopes: { default: ['openid', 'profile', 'email'], required: ['openid'], separator: ' ' },
  // GitLab's examples send client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  account: { idPath: 'sub' },
  // "This request invalidates the existing access_token and refresh_token; sends new tokens" (docs, refresh step).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://docs.gitlab.com/api/rest/authentication (read 2026-12-03): OAuth 2.0
  // tokens in `Authorization: Bearer`, calls below `/api/v4`.
  // For a self-managed GitLab, override `api.baseUrl` with your host.
  api: { baseUrl: 'https://gitlab.com/api/v4' },
} satisfies Partial<ProviderSpecInput>;
