import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * WakaTime: authorization code grant at wakatime.com with comma-separated scopes (`email`, `read_stats`,
 * `read_summaries` …) and a revocation endpoint; the API answers at api.wakatime.com/api/v1. Access tokens come with
 * a refresh token.
 */
export const wakatime = {
  id: 'wakatime',
  displayName: 'WakaTime',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'wakatime',
  // (read 2026-12-03)
  docs: 'https://wakatime.com/developers#authentication',
  setup:
    'Create an app at https://wakatime.com/apps with the authorized redirect URI `{publicUrl}/api/auth/wakatime/handler/frame`.',
  authorizeUri: 'https://wakatime.com/oauth/authorize',
  tokenUri: 'https://wakatime.com/oauth/token',
  revokeUri: 'https://wakatime.com/oauth/revoke',
  // email adds the address to the user; read_stats is the smallest data scope.
  scopes: { default: ['email', 'read_stats'], required: [], separator: ',' },
  // "Required data is client_id, client_secret, redirect_uri … grant_type … and the code": form parameters.
  clientAuthLocation: 'body',
  // GET /users/current, the token's user.
  account: {
    userInfoUri: 'https://api.wakatime.com/api/v1/users/current',
    idPath: 'data.id',
    displayNamePath: 'data.username',
  },
  // The provider's API for the proxy: https://wakatime.com/developers
  api: { baseUrl: 'https://api.wakatime.com/api/v1' },
} satisfies Partial<ProviderSpecInput>;
