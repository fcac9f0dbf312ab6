import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * DeviantArt: authorization code at www.deviantart.com/oauth2/authorize. Applications registered today follow OAuth
 * 2.1 rules: PKCE with S256 is required, redirect URIs match exactly and bearer tokens go in the `Authorization`
 * header (never the query string). Tokens come with a refresh token; `/api/v1/oauth2/user/whoami` names the user.
 */
export const deviantart = {
  id: 'deviantart',
  displayName: 'DeviantArt',
  type: 'oauth2',
  category: 'social',
  logo: 'deviantart',
  // "Authentication": OAuth 2.1 and the authorization code grant (read 2026-12-03)
  docs: 'https://deviantart.readme.io/docs/authentication',
  setup:
    'Register a confidential application on the DeviantArt Applications page with the redirect URI `{publicUrl}/api/auth/deviantart/handler/frame`; its client_id and client_secret are the client id and secret.',
  authorizeUri: 'https://www.deviantart.com/oauth2/authorize',
  tokenUri: 'https://www.deviantart.com/oauth2/token',
  scopes: { default: ['user'], required: ['user'], separator: ' ' },
  clientAuthLocation: 'body',
  account: {
    userInfoUri: 'https://www.deviantart.com/api/v1/oauth2/user/whoami',
    idPath: 'userid',
    displayNamePath: 'username',
  },
  api: { baseUrl: 'https://www.deviantart.com/api/v1/oauth2' },
} satisfies Partial<ProviderSpecInput>;
