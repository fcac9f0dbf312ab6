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
  // Egnyte's .NET SDK builds https://<domain>.egnyte.com/puboauth/token?client_id&redirect_uri&response_type=code&scope
  // for the authorize step and sends client_id, client_secret, redirect_uri, code and grant_type to the same path for
  // the token (https://github.com/egnyte/egnyte-dotnet, OAuthHelperTests, read 2026-12-03).
  params: { domain: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the Egnyte domain, as in <domain>.egnyte.com' } },
  // Scopes such as Egnyte.filesystem, Egnyte.user, space-separated as in Egnyte's iOS SDK tests.
  scopes: { default: ['Egnyte.user'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // "Getting User Info" (Egnyte's https://egnyte.github.io/integrations-cookbook/auth.html): GET /pubapi/v1/userinfo,
  // whose `username` Egnyte's Python SDK tests read (egnyte/tests/test_users.py). The account id is that username
  // (corrected from `id`, which the sources read do not show).
  account: {
    userInfoUri: 'https://{domain}.egnyte.com/pubapi/v1/userinfo',
    idPath: 'username',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://{domain}.egnyte.com/pubapi' },
} satisfies Partial<ProviderSpecInput>;
