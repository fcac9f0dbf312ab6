import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Patreon API v2: authorization code at www.patreon.com/oauth2/authorize, tokens at
 * www.patreon.com/api/oauth2/token, with a single-use refresh token (each refresh answers with a new one). Responses follow JSON:API, so the identity endpoint answers
 * `{"data": {"id": …, "attributes": {…}}}` and returns only the attributes asked for in `fields[user]`. The `identity`
 * scope lets `/identity` name the user.
 */
export const patreon = {
  id: 'patreon',
  displayName: 'Patreon',
  type: 'oauth2',
  category: 'social',
  logo: 'patreon',
  // Patreon's API reference, OAuth section: authorize and token URLs, client_id and client_secret as request
  // fields, "refresh_token": <single use token> (read 2026-12-03)
  docs: 'https://docs.patreon.com/#oauth',
  setup:
    'Register a client in the Patreon developer portal (Clients & API Keys) with the redirect URI `{publicUrl}/api/auth/patreon/handler/frame`, using API version 2.',
  authorizeUri: 'https://www.patreon.com/oauth2/authorize',
  tokenUri: 'https://www.patreon.com/api/oauth2/token',
  // Scopes: the same reference, "APIv2: OAuth" > Scopes; space-separated, as in the default `users pledges-to-me
  // my-campaign` of its OAuth section (read 2026-12-03).
  scopes: { default: ['identity'], required: ['identity'], separator: ' ' },
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // The same reference, "APIv2: Resource Endpoints" > GET /api/oauth2/v2/identity with `fields[user]`.
  account: {
    userInfoUri: 'https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name',
    idPath: 'data.id',
    displayNamePath: 'data.attributes.full_name',
  },
  api: { baseUrl: 'https://www.patreon.com/api/oauth2/v2' },
} satisfies Partial<ProviderSpecInput>;
