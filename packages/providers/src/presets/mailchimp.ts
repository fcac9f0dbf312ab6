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
  // (read 2026-12-03: only its opening was readable here)
  docs: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
  setup:
    'Register an app on the Registered Apps page of your Mailchimp account (Account > Extras > Registered apps) with the redirect URI {publicUrl}/api/auth/mailchimp/handler/frame.',
  // authorize_uri, access_token_uri and metadata, and "We don't expire tokens, so you won't need to use
  // refresh_token": Mailchimp's earlier "How to Use OAuth2" guide
  // (https://developer.mailchimp.com/documentation/mailchimp/guides/how-to-use-oauth2/, read 2026-12-03).
  authorizeUri: 'https://login.mailchimp.com/oauth2/authorize',
  tokenUri: 'https://login.mailchimp.com/oauth2/token',
  // Mailchimp has no scopes and no revocation endpoint.
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // The metadata endpoint names the user and the data center (`dc`, `api_endpoint`). The identity fields
  // (`user_id`, `accountname`) are not confirmed from Mailchimp's documentation: the guide's part that shows the
  // metadata answer was not readable here.
  account: {
    userInfoUri: 'https://login.mailchimp.com/oauth2/metadata',
    idPath: 'user_id',
    displayNamePath: 'accountname',
  },
  // No `api`: the Marketing API is on the account's data center (`https://{dc}.api.mailchimp.com/3.0`), known only
  // from the metadata endpoint. Set `api.baseUrl` in the configuration.
} satisfies Partial<ProviderSpecInput>;
