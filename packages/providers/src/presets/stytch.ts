import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Stytch Connected Apps: a Stytch project acting as an OpenID provider for other apps, discovered from the project's
 * domain (entered when connecting). The discovery document offers `offline_access` for a refresh token and accepts the
 * client credentials in HTTP Basic or the body.
 */
export const stytch = {
  id: 'stytch',
  displayName: 'Stytch',
  type: 'oidc',
  category: 'identity',
  // "Get OpenID configuration" for Connected Apps: issuer `https://${projectDomain}` (read 2026-12-03)
  docs: 'https://stytch.com/docs/b2b/api/connected-app-openid-configuration',
  setup:
    'In the Stytch dashboard create a Connected App (first-party or third-party, confidential client) with the redirect URL `{publicUrl}/api/auth/stytch/handler/frame`. Pass the project domain when connecting (`/start?projectDomain=login.example.com`) or set `params.projectDomain.default`.',
  issuer: 'https://{projectDomain}',
  params: {
    projectDomain: {
      pattern: '[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+',
      description: 'the Stytch project domain (or its custom domain)',
    },
  },
  scopes: {
    default: ['openid', 'profile', 'email', 'offline_access'],
    required: ['openid', 'offline_access'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'email' },
  // No `api`: Stytch's own APIs take project secrets, not user tokens.
} satisfies Partial<ProviderSpecInput>;
