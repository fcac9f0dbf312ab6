import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Basecamp (37signals Launchpad): an early OAuth 2 draft (draft 5) that wants `type=web_server` on the authorize and
 * code-exchange requests and `type=refresh` on refreshes. No scopes: a token reaches every account of the user's
 * Basecamp ID. Access tokens last two weeks and come with refresh tokens. One token serves several products and
 * accounts: `authorization.json` lists them, each with its own API `href`, which the app picks.
 */
export const basecamp = {
  id: 'basecamp',
  displayName: 'Basecamp',
  type: 'oauth2',
  category: 'productivity',
  logo: 'basecamp',
  // (read 2026-12-03)
  docs: 'https://github.com/basecamp/api/blob/master/sections/authentication.md',
  setup:
    'Register your app at https://launchpad.37signals.com/integrations with the redirect URI `{publicUrl}/api/auth/basecamp/handler/frame`. After connecting, the app reads the account to call from `https://launchpad.37signals.com/authorization.json` (`accounts[].href`).',
  authorizeUri: 'https://launchpad.37signals.com/authorization/new',
  tokenUri: 'https://launchpad.37signals.com/authorization/token',
  // Launchpad has no scopes.
  scopes: { default: [], required: [], separator: ' ' },
  // The documented token requests carry client_id and client_secret as parameters.
  clientAuthLocation: 'body',
  // "type=web_server" on the authorize and code-exchange requests, "type=refresh" on refreshes.
  extra: { authorize: { type: 'web_server' }, token: { type: 'web_server' }, refresh: { type: 'refresh' } },
  // `identity` names the Basecamp ID; its id is for caching across products, which is what an account id is.
  account: {
    userInfoUri: 'https://launchpad.37signals.com/authorization.json',
    idPath: 'identity.id',
    displayNamePath: 'identity.email_address',
  },
  // "2 week lifetime, currently", used when an answer has no expires_in.
  defaultTokenLifetimeSeconds: 1_209_600,
  // The provider's API for the proxy: https://github.com/basecamp/bc3-api#authentication
  // Basecamp 4 answers at 3.basecampapi.com/{accountId}/…; it refuses requests without a User-Agent naming the app
  // and a contact (a configuration should set its own).
  api: { baseUrl: 'https://3.basecampapi.com', headers: { 'User-Agent': 'tokenvault' } },
} satisfies Partial<ProviderSpecInput>;
