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
  // The authorization URL with `scope=read+write` (form-encoded: the scopes read and write, space-separated):
  // https://developers.pandadoc.com/reference/authorize-a-user (read 2026-12-03).
  authorizeUri: 'https://app.pandadoc.com/oauth2/authorize',
  // Create/refresh access token with client_id and client_secret as form fields:
  // https://developers.pandadoc.com/reference/create-an-access_token and PandaDoc's official client
  // (https://github.com/PandaDoc/pandadoc-api-python-client, pandadoc_client/api/o_auth_2_0_authentication_api.py).
  tokenUri: 'https://api.pandadoc.com/oauth2/access_token',
  scopes: { default: ['read', 'write'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /public/v1/members/current ("Current member details"): the member who authorized (`user_id`, `email`,
  // workspace), as the official client calls it (pandadoc_client/api/members_api.py, read 2026-12-03).
  account: {
    userInfoUri: 'https://api.pandadoc.com/public/v1/members/current',
    idPath: 'user_id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: the official client's host, https://api.pandadoc.com (bearer tokens).
  api: { baseUrl: 'https://api.pandadoc.com/public/v1' },
} satisfies Partial<ProviderSpecInput>;
