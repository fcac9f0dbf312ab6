import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Pipedrive: authorization code grant with HTTP Basic client authentication. Scopes are chosen on the app in the
 * Developer Hub, not in the authorization request. Access tokens expire (`expires_in`, about an hour); refresh
 * tokens die after 60 days unused. The token response names the company's API host in `api_domain`
 * (https://{company}.pipedrive.com), which the app should use for API calls.
 */
export const pipedrive = {
  id: 'pipedrive',
  displayName: 'Pipedrive',
  type: 'oauth2',
  category: 'crm',
  docs: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
  setup:
    'Create an app in the Pipedrive Developer Hub (from a developer sandbox account), set its single callback URL to {publicUrl}/api/auth/pipedrive/handler/frame and choose its scopes there.',
  authorizeUri: 'https://oauth.pipedrive.com/oauth/authorize',
  tokenUri: 'https://oauth.pipedrive.com/oauth/token',
  // Takes `token` and `token_type_hint` as form fields, with HTTP Basic.
  revokeUri: 'https://oauth.pipedrive.com/oauth/revoke',
  // Scopes live on the app, not in the request (every app has `base`, which covers GET /users/me).
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.pipedrive.com/v1/users/me', idPath: 'data.id', displayNamePath: 'data.name' },
  metadata: ['api_domain'],
  // Refresh tokens expire after 60 days without use (API reference: https://developers.pipedrive.com/docs/api/v1/Oauth).
  keepAliveSeconds: 30 * 24 * 3600,
  // The provider's API for the proxy: https://pipedrive.readme.io/docs/marketplace-oauth-api (read 2026-12-03): every request
  // carries the OAuth access token, which is bound to one company.
  // Each company's API lives on the `api_domain` of its token response (`https://<company>.pipedrive.com`).
  api: { baseUrl: '{metadata.api_domain}/api', allowedHosts: ['*.pipedrive.com'] },
} satisfies Partial<ProviderSpecInput>;
