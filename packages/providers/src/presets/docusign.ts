import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Docusign: Confidential Authorization Code Grant (PKCE optional) with HTTP Basic client authentication. Access
 * tokens last eight hours; refresh tokens last 30 days, and the `extended` scope makes each refresh return a new
 * one with a fresh 30-day life. The API host of each account (`base_uri`) is in the userinfo answer, not in the
 * token response, so it cannot be kept as metadata.
 */
export const docusign = {
  id: 'docusign',
  displayName: 'Docusign',
  type: 'oauth2',
  category: 'productivity',
  docs: 'https://developers.docusign.com/platform/auth/confidential-authcode-get-token',
  setup:
    'Add an app (integration key) under Apps and Keys in Docusign Admin, generate a secret key and add the redirect URI {publicUrl}/api/auth/docusign/handler/frame. These endpoints are production (account.docusign.com); for the developer environment the configuration overrides authorizeUri, tokenUri and account.userInfoUri with https://account-d.docusign.com/oauth/auth, /oauth/token and /oauth/userinfo.',
  authorizeUri: 'https://account.docusign.com/oauth/auth',
  tokenUri: 'https://account.docusign.com/oauth/token',
  // Docusign has no token revocation endpoint.
  // `signature` for the eSignature API; `extended` for refresh tokens that renew their 30-day life on use.
  scopes: { default: ['signature', 'extended'], required: ['extended'], separator: ' ' },
  // https://developers.docusign.com/platform/auth/reference/obtain-access-token: Basic base64(integration key:secret)
  clientAuthLocation: 'headers',
  // https://developers.docusign.com/platform/auth/reference/user-info
  account: { userInfoUri: 'https://account.docusign.com/oauth/userinfo', idPath: 'sub', displayNamePath: 'name' },
  rotatesRefreshTokens: true,
  // Refresh tokens die 30 days after their last use.
  keepAliveSeconds: 14 * 24 * 3600,
  // No `api`: the eSignature REST API is on each account's own `base_uri`, which comes from the userinfo answer, not
  // the token response. Set `api.baseUrl` in the configuration for your account's host.
} satisfies Partial<ProviderSpecInput>;
