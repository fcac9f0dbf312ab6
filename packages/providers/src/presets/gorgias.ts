import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Gorgias (e-commerce helpdesk): each account is a subdomain (`acme.gorgias.com`), and its OAuth endpoints and
 * API live there, so the subdomain is a per-account value entered when connecting (Gorgias sends it as `account`
 * when a user installs the app). Access tokens expire after 24 hours; a refresh token, which does not expire,
 * comes only with the `offline` scope.
 */
export const gorgias = {
  id: 'gorgias',
  displayName: 'Gorgias',
  type: 'oauth2',
  category: 'support',
  // (read 2026-12-03)
  docs: 'https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias',
  setup:
    'Register on the Gorgias Developer Portal, create an app with the redirect URL `{publicUrl}/api/auth/gorgias/handler/frame` and copy its client id and secret; the app passes the account when connecting (`/api/auth/gorgias/start?subdomain=<name>&…` for <name>.gorgias.com).',
  params: {
    subdomain: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the Gorgias account, as in <account>.gorgias.com' },
  },
  // The account's own authorization endpoint: https://developers.gorgias.com/docs/set-up-oauth2-app-store (read
  // 2026-12-03); its /oauth/token beside it, with the client id and secret as HTTP Basic credentials (Authlib's
  // default) in Gorgias's demo app (https://github.com/gorgias/appstore-demo-app, Python/Flask/app.py).
  authorizeUri: 'https://{subdomain}.gorgias.com/oauth/authorize',
  tokenUri: 'https://{subdomain}.gorgias.com/oauth/token',
  // https://developers.gorgias.com/docs/oauth2-scopes (read 2026-12-03): `offline` for a refresh token,
  // `account:read` for the account call below. Access tokens last 24 hours; refresh tokens do not expire
  // (https://developers.gorgias.com/docs/oauth2-authentication-for-creating-apps-with-gorgias).
  scopes: { default: ['offline', 'account:read'], required: ['offline'], separator: ' ' },
  clientAuthLocation: 'headers',
  // "Retrieve your account" (GET /api/account): the helpdesk account, named by its `domain`
  // (https://developers.gorgias.com/reference/the-account-object, read 2026-12-03).
  account: { userInfoUri: 'https://{subdomain}.gorgias.com/api/account', idPath: 'domain', displayNamePath: 'domain' },
  // The provider's API for the proxy: https://developers.gorgias.com/docs/oauth2-bearer-token (bearer tokens on the
  // account's host).
  api: { baseUrl: 'https://{subdomain}.gorgias.com/api' },
} satisfies Partial<ProviderSpecInput>;
