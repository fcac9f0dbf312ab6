import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Lever (applicant tracking): OAuth is part of Lever's partner program, so Lever's team creates the app and sends
 * its client id and secret. The authorize request must carry `audience` (the API it is for), and scopes read
 * `<resource>:<action>:admin`; `offline_access` brings a refresh token. Access tokens last an hour. A sandbox account
 * has its own app and hosts, which a configuration sets.
 */
export const lever = {
  id: 'lever',
  displayName: 'Lever',
  type: 'oauth2',
  category: 'hr',
  // (read 2026-12-03)
  docs: 'https://hire.lever.co/developer/documentation',
  setup:
    "Apply to Lever's partner program; Lever creates the OAuth app with the callback `{publicUrl}/api/auth/lever/handler/frame` and sends its client id and secret. A Lever Super Admin connects the account. Add the scopes your app needs (e.g. `opportunities:read:admin`) in the configuration.",
  authorizeUri: 'https://auth.lever.co/authorize',
  tokenUri: 'https://auth.lever.co/oauth/token',
  scopes: { default: ['offline_access', 'users:read:admin'], required: ['offline_access'], separator: ' ' },
  clientAuthLocation: 'body',
  // "Step 1: Request User Authorization" lists `audience` as required.
  extra: { authorize: { audience: 'https://api.lever.co/v1/' }, token: {}, refresh: {} },
  // The user the token acts for: GET /v1/users/me answers `{data: {id, name, email, …}}`.
  account: { userInfoUri: 'https://api.lever.co/v1/users/me', idPath: 'data.id', displayNamePath: 'data.name' },
  // "The root URL for the Lever API web service is https://api.lever.co/v1."
  api: { baseUrl: 'https://api.lever.co/v1' },
} satisfies Partial<ProviderSpecInput>;
