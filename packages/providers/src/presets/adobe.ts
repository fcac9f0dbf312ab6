import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Adobe (Identity Management Services, the sign-in for Creative Cloud, Document Cloud and Experience Cloud APIs):
 * authorization code for an "OAuth Web App" credential, with the client id and secret in HTTP Basic. Access tokens
 * last 24 hours; `offline_access` asks for a refresh token, which lasts 14 days by default. IMS userinfo names the
 * user (`sub`, and `name` with the `profile` scope).
 */
export const adobe = {
  id: 'adobe',
  displayName: 'Adobe',
  type: 'oauth2',
  category: 'other',
  // "User Authentication Credentials API Reference": OpenID configuration, userinfo, authorize, token, refresh and
  // revocation requests, token lifetimes and identity scopes (read 2026-12-03; source:
  // https://github.com/AdobeDocs/adobe-dev-console/blob/HEAD/src/pages/guides/authentication/UserAuthentication/IMS.md)
  docs: 'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/IMS',
  setup:
    'In the Adobe Developer Console add the API your app needs to a project with an "OAuth Web App" credential; set its default redirect URI to `{publicUrl}/api/auth/adobe/handler/frame` (and a matching redirect URI pattern), and use its client id and client secret.',
  authorizeUri: 'https://ims-na1.adobelogin.com/ims/authorize/v2',
  tokenUri: 'https://ims-na1.adobelogin.com/ims/token/v3',
  revokeUri: 'https://ims-na1.adobelogin.com/ims/revoke',
  // Scopes are "space or comma-delimited"; product APIs add their own (creative_sdk, AdobeID, …).
  scopes: { default: ['openid', 'profile', 'offline_access'], required: ['openid'], separator: ' ' },
  // Confidential (Web App) clients send `Authorization: Basic Base64(clientId:clientSecret)`.
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://ims-na1.adobelogin.com/ims/userinfo/v2', idPath: 'sub', displayNamePath: 'name' },
  // No `api`: each Adobe product API has its own host.
} satisfies Partial<ProviderSpecInput>;
