import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * LinkedIn ("Sign In with LinkedIn using OpenID Connect"): a real OIDC provider with discovery at
 * https://www.linkedin.com/oauth/.well-known/openid-configuration (issuer `https://www.linkedin.com/oauth`).
 * Quirks: the token endpoint takes the client secret in the form body only, and rejects confidential web apps
 * that send a PKCE `code_verifier` (401 invalid_client), so PKCE is skipped. Access tokens last 60 days; refresh
 * tokens (365 days, not extended by use) are issued only to approved Marketing Developer Platform partners, so
 * most accounts need re-authorization when the access token expires.
 */
export const linkedin = {
  id: 'linkedin',
  displayName: 'LinkedIn',
  type: 'oidc',
  category: 'social',
  docs: 'https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2',
  setup:
    'Create an app in the LinkedIn Developer Portal (https://www.linkedin.com/developers/apps), add the product "Sign In with LinkedIn using OpenID Connect", and add {publicUrl}/api/auth/linkedin/handler/frame as an authorized redirect URL on the Auth tab.',
  issuer: 'https://www.linkedin.com/oauth',
  // Discovery lists no revocation endpoint; this one takes `token`, `client_id` and `client_secret` as form fields.
  revokeUri: 'https://www.linkedin.com/oauth/v2/revoke',
  scopes: { default: ['openid', 'profile', 'email'], required: ['openid'], separator: ' ' },
  // Discovery advertises only client_secret_post.
  clientAuthLocation: 'body',
  // The confidential web flow answers invalid_client when a code_verifier is sent (e.g. UsefulSoftwareCo/executor#2087).
  skipPkce: true,
  account: { idPath: 'sub', displayNamePath: 'name' },
  // Refresh tokens for MDP partners: https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
  // The provider's API for the proxy: https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts (read 2026-12-03):
  // host api.linkedin.com, base path `/v2` for most calls; versioned APIs live under `/rest/`
  // (learn.microsoft.com/en-us/linkedin/talent/versioning-announcement).
  // Versioned `/rest/…` calls need a `LinkedIn-Version: YYYYMM` header, which the caller sends.
  api: { baseUrl: 'https://api.linkedin.com' },
} satisfies Partial<ProviderSpecInput>;
