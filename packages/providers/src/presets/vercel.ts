import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Sign in with Vercel: an OpenID provider with discovery at vercel.com, PKCE required. `offline_access` yields a
 * refresh token (30 days, rotated on use) beside a one-hour access token that also calls Vercel's REST API.
 */
export const vercel = {
  id: 'vercel',
  displayName: 'Vercel',
  type: 'oidc',
  category: 'dev-tools',
  logo: 'vercel',
  // (read 2026-12-03); endpoints: https://vercel.com/docs/sign-in-with-vercel/authorization-server-api
  docs: 'https://vercel.com/docs/sign-in-with-vercel',
  setup:
    'Create an App in your Vercel team settings (Sign in with Vercel), add the redirect URI `{publicUrl}/api/auth/vercel/handler/frame`, enable the scopes `openid`, `email`, `profile` and `offline_access`, and generate a client secret.',
  // Discovery: https://vercel.com/.well-known/openid-configuration
  issuer: 'https://vercel.com',
  // offline_access is what makes Vercel issue a refresh token.
  scopes: {
    default: ['openid', 'email', 'profile', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  account: { idPath: 'sub' },
  // Refresh tokens "rotate on use" (30 days each).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://vercel.com/docs/rest-api
  api: { baseUrl: 'https://api.vercel.com' },
} satisfies Partial<ProviderSpecInput>;
