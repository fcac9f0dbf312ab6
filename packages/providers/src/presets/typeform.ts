import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Typeform: authorization code grant at api.typeform.com. A refresh token comes only with the `offline` scope ("Always
 * add the offline scope to receive a refresh token"). Scopes are space-separated (`+` in Typeform's examples, the URL
 * form of a space). Accounts on Typeform's EU data center (api.typeform.eu) have their own authorization server and
 * need the endpoints overridden.
 */
export const typeform = {
  id: 'typeform',
  displayName: 'Typeform',
  type: 'oauth2',
  category: 'marketing',
  logo: 'typeform',
  // (read 2026-12-03); scopes: https://www.typeform.com/developers/get-started/scopes/
  docs: 'https://www.typeform.com/developers/get-started/applications/',
  setup:
    'Register an app under your organization > Developer apps with the redirect URI `{publicUrl}/api/auth/typeform/handler/frame`; copy the client secret, shown once. For the EU data center, override `authorizeUri`, `tokenUri`, `account.userInfoUri` and `api.baseUrl` with api.typeform.eu.',
  authorizeUri: 'https://api.typeform.com/oauth/authorize',
  tokenUri: 'https://api.typeform.com/oauth/token',
  // accounts:read lets GET /me identify the account; offline is what makes Typeform issue a refresh token.
  scopes: { default: ['accounts:read', 'offline'], required: ['offline'], separator: ' ' },
  // Typeform's example exchanges the code with client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://api.typeform.com/me', idPath: 'user_id', displayNamePath: 'alias' },
  // The provider's API for the proxy: https://www.typeform.com/developers/create/
  api: { baseUrl: 'https://api.typeform.com' },
} satisfies Partial<ProviderSpecInput>;
