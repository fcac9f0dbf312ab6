import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Procore (construction management): authorization code grant at login.procore.com. Production and sandbox are
 * separate worlds with their own credentials, login host and tokens; this preset is production. Most calls name the
 * company in a `Procore-Company-Id` header: the first company the user sees is kept when connecting and sent by
 * default (an app sends its own header for another). `GET /rest/v1.0/me` needs none and returns a user id that is
 * unique across companies.
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
  account: {
    userInfoUri: 'https://api.procore.com/rest/v1.0/me',
    idPath: 'id',
    displayNamePath: 'login',
    // "List Companies" (GET /rest/v1.0/companies, a JSON array) needs no company header: the first one is kept.
    metadata: { uri: 'https://api.procore.com/rest/v1.0/companies', fields: { procore_company_id: '0.id' } },
  },
  // The provider's API for the proxy: https://developers.procore.com/documentation/content/oauth-endpoints
  // (API host api.procore.com, REST resources under /rest/v1.0, /rest/v1.1 …).
  // The Procore-Company-Id header: https://developers.procore.com/documentation/tutorial-mpz (read 2026-12-03)
  api: { baseUrl: 'https://api.procore.com', headers: { 'Procore-Company-Id': '{metadata.procore_company_id}' } },
} satisfies Partial<ProviderSpecInput>;
