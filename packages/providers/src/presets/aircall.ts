import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Aircall (technology partners): an admin installs the app from the Aircall Dashboard, authorizes at
 * dashboard.aircall.io, and the code is exchanged at api.aircall.io for a permanent access token with no refresh
 * token. The token belongs to the company's installation, not to a user: the account is the company.
 */
export const aircall = {
  id: 'aircall',
  displayName: 'Aircall',
  type: 'oauth2',
  category: 'communication',
  logo: 'aircall',
  // (read 2026-12-03); the flow step by step: https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works
  docs: 'https://developer.aircall.io/docs/oauth',
  setup:
    "Apply to Aircall's Technology Partner program to receive OAuth credentials, and register `{publicUrl}/api/auth/aircall/handler/frame` as the app's redirect URI. Admins install the app from the Aircall Dashboard.",
  authorizeUri: 'https://dashboard.aircall.io/oauth/authorize',
  tokenUri: 'https://api.aircall.io/v1/oauth/token',
  // public_api is the scope of the Public API.
  scopes: { default: ['public_api'], required: [], separator: ' ' },
  // The code exchange posts client_id and client_secret in the body.
  clientAuthLocation: 'body',
  // "a permanent access_token": it does not expire and there is no refresh token.
  noRefreshToken: true,
  // https://developer.aircall.io/api-references/#retrieve-integration: the installation, naming its company by id.
  account: { userInfoUri: 'https://api.aircall.io/v1/integrations/me', idPath: 'integration.company_id' },
  // The provider's API for the proxy: https://developer.aircall.io/api-references/
  api: { baseUrl: 'https://api.aircall.io/v1' },
} satisfies Partial<ProviderSpecInput>;
