import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mailchimp (Marketing API): authorization code grant with no scopes; access tokens never expire and no refresh
 * token is issued. Quirks: the token response says `expires_in: 0` (meaning "never") and `scope: null`, and
 * every API call goes to the account's data center (`https://{dc}.api.mailchimp.com`), which only the metadata
 * endpoint reveals (`dc`, `api_endpoint`), not the token response.
 */
export const mailchimp = {
  id: 'mailchimp',
  displayName: 'Mailchimp',
  type: 'oauth2',
  category: 'marketing',
  logo: 'mailchimp',
  docs: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
  setup:
    'Register an app on the Registered Apps page of your Mailchimp account (Account > Extras > Registered apps) with the redirect URI {publicUrl}/api/auth/mailchimp/handler/frame.',
  authorizeUri: 'https://login.mailchimp.com/oauth2/authorize',
  tokenUri: 'https://login.mailchimp.com/oauth2/token',
  // Mailchimp has no scopes and no revocation endpoint.
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // The metadata endpoint names the user (`user_id`, `login.login_name`) and the data center.
  account: {
    userInfoUri: 'https://login.mailchimp.com/oauth2/metadata',
    idPath: 'user_id',
    displayNamePath: 'accountname',
  },
  // No `api`: the Marketing API is on the account's data center (`https://{dc}.api.mailchimp.com/3.0`), known only
  // from the metadata endpoint. Set `api.baseUrl` in the configuration.
} satisfies Partial<ProviderSpecInput>;
