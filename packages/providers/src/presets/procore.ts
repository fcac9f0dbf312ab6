import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Procore (construction management): authorization code grant at login.procore.com. Production and sandbox are
 * separate worlds with their own credentials, login host and tokens; this preset is production. Quirk: most calls
 * name the company in a `Procore-Company-Id` header, which the app sends (it differs per call); `GET
 * /rest/v1.0/me` needs none and returns a user id that is unique across companies.
 */
export const procore = {
  id: 'procore',
  displayName: 'Procore',
  type: 'oauth2',
  category: 'other',
  // (read 2026-12-03); the flow: https://developers.procore.com/documentation/content/oauth-auth-grant-flow
  docs: 'https://developers.procore.com/documentation/content/oauth-endpoints',
  setup:
    'Create an app in the Procore Developer Portal (https://developers.procore.com, My Apps) and add {publicUrl}/api/auth/procore/handler/frame as a redirect URI on its production OAuth credentials.',
  authorizeUri: 'https://login.procore.com/oauth/authorize',
  tokenUri: 'https://login.procore.com/oauth/token',
  // The authorize endpoint needs only response_type, client_id and redirect_uri; it names no scopes.
  scopes: { default: [], required: [] },
  // The token endpoint takes client_id and client_secret as request fields.
  clientAuthLocation: 'body',
  // Procore's OAuth guide calls GET https://api.procore.com/rest/v1.0/me with only the bearer token, and its implicit
  // grant sample reads `login` from the answer (read 2026-12-03):
  // https://github.com/procore/documentation/blob/main/oauth/oauth_auth_grant_flow.md; "Show User Info" returns a
  // user `id` unique across companies (Procore's API reference, as reproduced in the generated procore_sdk docs).
  account: { userInfoUri: 'https://api.procore.com/rest/v1.0/me', idPath: 'id', displayNamePath: 'login' },
  // The provider's API for the proxy: https://developers.procore.com/documentation/content/oauth-endpoints
  // (API host api.procore.com, REST resources under /rest/v1.0, /rest/v1.1 …).
  api: { baseUrl: 'https://api.procore.com' },
} satisfies Partial<ProviderSpecInput>;
