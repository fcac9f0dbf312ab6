import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Egnyte: each customer has its own domain (`<domain>.egnyte.com`), entered when connecting, and both the
 * authorization request (GET) and the code exchange (POST) go to its `/puboauth/token`. Bearer tokens do not expire
 * and there is no refresh token; a token dies when the user changes their password or revokes it.
 */
export const egnyte = {
  id: 'egnyte',
  displayName: 'Egnyte',
  type: 'oauth2',
  category: 'data',
  logo: 'egnyte',
  // "Authentication": authorization code flow, "Bearer tokens issued by Egnyte's APIs do not expire" (read 2026-12-03)
  docs: 'https://developers.egnyte.com/docs/read/Public_API_Authentication',
  setup:
    'Register a publicly available application key at developers.egnyte.com with the redirect URI `{publicUrl}/api/auth/egnyte/handler/frame`. The customer passes their domain when connecting (`/start?domain=acme` for acme.egnyte.com).',
  authorizeUri: 'https://{domain}.egnyte.com/puboauth/token',
  tokenUri: 'https://{domain}.egnyte.com/puboauth/token',
  params: { domain: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the Egnyte domain, as in <domain>.egnyte.com' } },
  scopes: { default: ['Egnyte.user'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // "Getting User Info" (egnyte.github.io/integrations-cookbook/auth.html).
  account: { userInfoUri: 'https://{domain}.egnyte.com/pubapi/v1/userinfo', idPath: 'id', displayNamePath: 'username' },
  api: { baseUrl: 'https://{domain}.egnyte.com/pubapi' },
} satisfies Partial<ProviderSpecInput>;
