import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * DigitalOcean: authorization code grant with the client id and secret as request parameters. Access tokens last
 * 30 days (`expires_in: 2592000`) and come with a refresh token; `read` is the scope DigitalOcean assumes
 * when none is named. A token acts for the team the user picks on the consent page.
 */
export const digitalocean = {
  id: 'digitalocean',
  displayName: 'DigitalOcean',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'digitalocean',
  docs: 'https://docs.digitalocean.com/reference/api/oauth',
  setup:
    'Register an OAuth application under API > OAuth Applications in the DigitalOcean control panel with the callback URL {publicUrl}/api/auth/digitalocean/handler/frame.',
  authorizeUri: 'https://cloud.digitalocean.com/v1/oauth/authorize',
  tokenUri: 'https://cloud.digitalocean.com/v1/oauth/token',
  // Takes `token` as a form field.
  revokeUri: 'https://cloud.digitalocean.com/v1/oauth/revoke',
  // `read` is DigitalOcean's default and covers GET /v2/account.
  scopes: { default: ['read'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  account: {
    userInfoUri: 'https://api.digitalocean.com/v2/account',
    idPath: 'account.uuid',
    displayNamePath: 'account.email',
  },
  // The provider's API for the proxy: https://docs.digitalocean.com/reference/api/example-usage (read 2026-12-03):
  // `https://api.digitalocean.com/v2/…` with `Authorization: Bearer $TOKEN`.
  api: { baseUrl: 'https://api.digitalocean.com/v2' },
} satisfies Partial<ProviderSpecInput>;
