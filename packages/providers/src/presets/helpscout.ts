import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Help Scout (Mailbox API 2.0): authorization code grant for integrations used by other Help Scout accounts. No
 * OAuth scopes exist: a token can do what the authorizing user can. Access tokens expire (expires_in) and come
 * with a refresh token; every credential must belong to an active user of the account.
 */
export const helpscout = {
  id: 'helpscout',
  displayName: 'Help Scout',
  type: 'oauth2',
  category: 'support',
  logo: 'helpscout',
  // (read 2026-12-03)
  docs: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
  setup:
    'In Help Scout go to Your Profile > My apps, click Create My App and give it the redirection URL `{publicUrl}/api/auth/helpscout/handler/frame`; its App ID and App Secret are the client id and secret.',
  authorizeUri: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
  tokenUri: 'https://api.helpscout.net/v2/oauth2/token',
  scopes: { default: [], required: [], separator: ' ' },
  // POST bodies may be JSON, form or query parameters; client_id and client_secret go with the grant.
  clientAuthLocation: 'body',
  // The documented first call: GET /v2/users/me, the user the token acts as.
  account: { userInfoUri: 'https://api.helpscout.net/v2/users/me', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: https://developer.helpscout.com/mailbox-api/
  api: { baseUrl: 'https://api.helpscout.net/v2' },
} satisfies Partial<ProviderSpecInput>;
