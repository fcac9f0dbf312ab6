import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Notion public connections: one authorization per workspace, the user picking the pages to share; no scopes
 * (capabilities are set on the connection) and `owner=user` on the authorization URL. Access tokens come without
 * `expires_in`; a refresh returns a new access token and a new refresh token. Every API call, `/v1/users/me`
 * included, needs a `Notion-Version` header (account.headers).
 */
export const notion = {
  id: 'notion',
  displayName: 'Notion',
  type: 'oauth2',
  category: 'productivity',
  logo: 'notion',
  // (read 2026-12-03)
  docs: 'https://developers.notion.com/guides/get-started/authorization',
  setup:
    'Create a public connection in the Notion developer portal with the redirect URI `{publicUrl}/api/auth/notion/handler/frame` and the capabilities your app needs.',
  authorizeUri: 'https://api.notion.com/v1/oauth/authorize',
  tokenUri: 'https://api.notion.com/v1/oauth/token',
  // Notion has no OAuth scopes.
  scopes: { default: [], required: [], separator: ' ' },
  // "Basic authentication header of the form Basic <encoded-value>" on POST /v1/oauth/token
  // (https://developers.notion.com/reference/create-a-token and .../refresh-a-token, read 2026-12-03).
  clientAuthLocation: 'headers',
  // A JSON body, as in Notion's examples and as Notion's official SDK sends both the code exchange and the refresh
  // (`oauth.token` in https://github.com/makenotion/notion-sdk-js, src/Client.ts: `content-type: application/json`,
  // the client id and secret as HTTP Basic; read 2026-12-03). Notion documents no form body.
  tokenRequestFormat: 'json',
  // Notion's authorization URL requires `owner=user`.
  extra: { authorize: { owner: 'user' } },
  // For an OAuth token /v1/users/me is the connection's bot user: one id per authorization, named after the workspace.
  account: {
    userInfoUri: 'https://api.notion.com/v1/users/me',
    idPath: 'id',
    displayNamePath: 'bot.workspace_name',
    // developers.notion.com/reference/versioning: every request names the API version it was written for.
    headers: { 'Notion-Version': '2022-06-28' },
  },
  // The token response names the workspace and the authorization (bot) the token belongs to: `access_token`,
  // `refresh_token`, `bot_id`, `workspace_id`, `workspace_name`, `owner`, and no `expires_in` (the create-a-token
  // reference above).
  metadata: ['workspace_id', 'workspace_name', 'bot_id'],
  // "Refreshes an access token, generating a new access token and new refresh token"
  // (developers.notion.com/reference/refresh-a-token).
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://developers.notion.com/reference/versioning
  // Notion refuses calls without a `Notion-Version` header (`missing_version`). 2022-06-28 is kept so existing
  // callers see the same answers; Notion's current examples name 2025-09-03
  // (https://developers.notion.com/reference/authentication, read 2026-12-03), which a configuration can set here.
  api: { baseUrl: 'https://api.notion.com/v1', headers: { 'Notion-Version': '2022-06-28' } },
} satisfies Partial<ProviderSpecInput>;
