import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * PandaDoc (proposals, quotes and e-signature for sales teams): an OAuth 2.0 provider following RFC 6749; API
 * access must be part of the account's plan before an app can be registered. The scope names are literal: `read`
 * and `read+write` (the plus sign is part of the name). Access tokens last about a year and come with a refresh
 * token; an expired one answers 401.
 */
export const pandadoc = {
  id: 'pandadoc',
  displayName: 'PandaDoc',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://developers.pandadoc.com/reference/authentication-process',
  setup:
    'Register an application in the PandaDoc Developer Dashboard (Settings > API dashboard; production API access must be enabled) with the redirect URI `{publicUrl}/api/auth/pandadoc/handler/frame` and copy its client id and secret.',
  authorizeUri: 'https://app.pandadoc.com/oauth2/authorize',
  tokenUri: 'https://api.pandadoc.com/oauth2/access_token',
  scopes: { default: ['read+write'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /public/v1/members/current/: the member who authorized (`user_id`, `email`, workspace).
  account: {
    userInfoUri: 'https://api.pandadoc.com/public/v1/members/current/',
    idPath: 'user_id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: https://developers.pandadoc.com/reference/authentication (bearer tokens).
  api: { baseUrl: 'https://api.pandadoc.com/public/v1' },
} satisfies Partial<ProviderSpecInput>;
