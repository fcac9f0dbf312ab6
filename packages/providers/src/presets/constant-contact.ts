import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Constant Contact V3: authorization code grant at authz.constantcontact.com (an Okta-hosted authorization server), the
 * client authenticated with HTTP Basic. `offline_access` yields a refresh token; the app chooses in its settings
 * whether refresh tokens rotate (recommended) or stay long-lived.
 */
export const constantContact = {
  id: 'constant-contact',
  displayName: 'Constant Contact',
  type: 'oauth2',
  category: 'marketing',
  // (read 2026-12-03)
  docs: 'https://developer.constantcontact.com/api_guide/server_flow.html',
  setup:
    'Create an application in the Constant Contact V3 Developer Portal (My Applications) with the Authorization Code flow, rotating refresh tokens, the redirect URI `{publicUrl}/api/auth/constant-contact/handler/frame`, and generate its client secret.',
  authorizeUri: 'https://authz.constantcontact.com/oauth2/default/v1/authorize',
  tokenUri: 'https://authz.constantcontact.com/oauth2/default/v1/token',
  // account_read lets /account/summary identify the account; offline_access makes it issue a refresh token.
  scopes: { default: ['account_read', 'offline_access'], required: ['offline_access'], separator: ' ' },
  // "The client_id and client_secret ... base64 encoded ... used in the authorization header."
  clientAuthLocation: 'headers',
  // https://developer.constantcontact.com/api_reference/index.html#!/Account_Services/getAccountDetails
  account: {
    userInfoUri: 'https://api.cc.email/v3/account/summary',
    idPath: 'encrypted_account_id',
    displayNamePath: 'organization_name',
  },
  // With rotating refresh tokens (the setup note), each refresh returns a new one.
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://developer.constantcontact.com/api_guide/getting_started.html
  api: { baseUrl: 'https://api.cc.email/v3' },
} satisfies Partial<ProviderSpecInput>;
