import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Linear: OAuth 2.0 with PKCE, comma-separated scopes (`read` always granted), 24-hour access tokens and refresh
 * tokens that rotate on use (mandatory for every app since April 2026). The API is GraphQL only; Linear also answers
 * a GET carrying the query in the URL, so the userinfo endpoint is the constant query `{viewer{id name}}`. A
 * revocation endpoint exists but is not given here, its request format being unverified.
 */
export const linear = {
  id: 'linear',
  displayName: 'Linear',
  type: 'oauth2',
  category: 'dev-tools',
  logo: 'linear',
  docs: 'https://linear.app/developers/oauth-2-0-authentication',
  setup:
    'Create an OAuth2 application under Settings > API > OAuth applications (ideally in a workspace dedicated to it, since every admin there can edit it) with the callback URL `{publicUrl}/api/auth/linear/handler/frame`, and make it public to install it in other workspaces.',
  authorizeUri: 'https://linear.app/oauth/authorize',
  tokenUri: 'https://api.linear.app/oauth/token',
  // "Comma separated list of scopes: read - (Default) ... This scope will always be present."
  scopes: { default: ['read'], required: [], separator: ',' },
  // Linear's token request takes client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // GraphQL over GET, URL-encoded `{viewer{id name}}`; the answer is `{data: {viewer: {id, name}}}`.
  account: {
    userInfoUri: 'https://api.linear.app/graphql?query=%7Bviewer%7Bid%20name%7D%7D',
    idPath: 'data.viewer.id',
    displayNamePath: 'data.viewer.name',
  },
  // Each refresh returns a new refresh token; the old one is spent.
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://linear.app/developers/graphql (read 2026-12-03): OAuth tokens as
  // `Authorization: Bearer <ACCESS_TOKEN>` (personal API keys go without `Bearer`).
  // One GraphQL endpoint: POST `/graphql`.
  api: { baseUrl: 'https://api.linear.app' },
} satisfies Partial<ProviderSpecInput>;
