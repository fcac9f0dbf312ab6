import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Docusign: Confidential Authorization Code Grant (PKCE optional) with HTTP Basic client authentication. Access
 * tokens last eight hours; refresh tokens last 30 days, and each refresh returns a new one. The API host of each
 * account (`base_uri`) is in the userinfo answer's `accounts` list, whose default account is the one marked
 * `is_default` rather than a fixed position, so the preset does not pick one.
 */
export const docusign = {
  id: 'docusign',
  displayName: 'Docusign',
  type: 'oauth2',
  category: 'productivity',
  // (read 2026-12-03)
  docs: 'https://developers.docusign.com/platform/auth/confidential-authcode-get-token',
  setup:
    'Add an app (integration key) under Apps and Keys in Docusign Admin, generate a secret key and add the redirect URI {publicUrl}/api/auth/docusign/handler/frame. These endpoints are production (account.docusign.com); for the developer environment the configuration overrides authorizeUri, tokenUri and account.userInfoUri with https://account-d.docusign.com/oauth/auth, /oauth/token and /oauth/userinfo.',
  authorizeUri: 'https://account.docusign.com/oauth/auth',
  tokenUri: 'https://account.docusign.com/oauth/token',
  // Docusign has no token revocation endpoint.
  // `signature` for the eSignature API; `extended` for refresh tokens that renew their 30-day life on use.
  scopes: { default: ['signature', 'extended'], required: ['extended'], separator: ' ' },
  // https://developers.docusign.com/platform/auth/reference/obtain-access-token (read 2026-12-03): a form body
  // (application/x-www-form-urlencoded) and `Authorization: Basic` base64(integration key:secret key).
  clientAuthLocation: 'headers',
  // https://developers.docusign.com/platform/auth/reference/user-info (read 2026-12-03): `sub`, `name`, `email` and
  // `accounts` (each with `account_id`, `is_default`, `base_uri`).
  account: { userInfoUri: 'https://account.docusign.com/oauth/userinfo', idPath: 'sub', displayNamePath: 'name' },
  // The same reference: the endpoint exchanges "a refresh token for an access token and a new refresh token".
  rotatesRefreshTokens: true,
  // "Refresh tokens have a lifetime of 30 days" and access tokens 28800 seconds (eight hours), on Docusign's
  // developer blog (https://www.docusign.com/blog/developers/authorization-code-grant-refresh-tokens, read
  // 2026-12-03): an idle account is refreshed well inside the 30 days.
  keepAliveSeconds: 14 * 24 * 3600,
  // No `api`: the eSignature REST API is on each account's own `base_uri`, and which of the userinfo answer's accounts
  // is meant (`is_default`, or another) is the app's choice. Set `api.baseUrl` in the configuration for your
  // account's host.
} satisfies Partial<ProviderSpecInput>;
