import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Patreon API v2: authorization code at www.patreon.com/oauth2/authorize, tokens at
 * www.patreon.com/api/oauth2/token, with a refresh token. Responses follow JSON:API, so the identity endpoint answers
 * `{"data": {"id": …, "attributes": {…}}}` and returns only the attributes asked for in `fields[user]`. The `identity`
 * scope lets `/identity` name the user.
 */
export const patreon = {
  id: 'patreon',
  displayName: 'Patreon',
  type: 'oauth2',
  category: 'social',
  logo: 'patreon',
  // Patreon's API reference, OAuth section: (read 2026-12-03)
  docs: 'https://docs.patreon.com/',
  setup:
    'Register a client in the Patreon developer portal (Clients & API Keys) with the redirect URI `{publicUrl}/api/auth/patreon/handler/frame`, using API version 2.',
  authorizeUri: 'https://www.patreon.com/oauth2/authorize',
  tokenUri: 'https://www.patreon.com/api/oauth2/token',
  scopes: { default: ['identity'], required: ['identity'], separator: ' ' },
  clientAuthLocation: 'body',
  account: {
    userInfoUri: 'https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name',
    idPath: 'data.id',
    displayNamePath: 'data.attributes.full_name',
  },
  api: { baseUrl: 'https://www.patreon.com/api/oauth2/v2' },
} satisfies Partial<ProviderSpecInput>;
