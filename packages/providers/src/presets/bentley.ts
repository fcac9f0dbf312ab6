import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Bentley iTwin Platform (infrastructure engineering: iModels, iTwins, reality data): authorization code grant at
 * Bentley's authorization server ims.bentley.com for apps registered as "Web App" in the iTwin Platform developer
 * portal. One scope, `itwin-platform`, reaches every iTwin Platform API; what a user may do is decided by the
 * iTwin's access control, not by the scope.
 */
export const bentley = {
  id: 'bentley',
  displayName: 'Bentley iTwin Platform',
  type: 'oauth2',
  category: 'other',
  // "Authorize a web application", the authorization code flow for apps with a client secret (read 2026-12-03)
  docs: 'https://developer.bentley.com/apis/overview/authorization/web-app',
  setup:
    'Register an app under My Apps in the iTwin Platform developer portal (https://developer.bentley.com) with the application type Web App and the redirect URI `{publicUrl}/api/auth/bentley/handler/frame`; copy its client id and the client secret shown once.',
  // "Redirect the user to the authorization endpoint. https://ims.bentley.com/connect/authorize"
  // (https://developer.bentley.com/tutorials/authorize-webapp, read 2026-12-03).
  authorizeUri: 'https://ims.bentley.com/connect/authorize',
  // "POST https://ims.bentley.com/connect/token" (https://developer.bentley.com/tutorials/authorize-service, read
  // 2026-12-03), the same endpoint the web app tutorial exchanges the code at.
  tokenUri: 'https://ims.bentley.com/connect/token',
  // `itwin-platform`: "a universal scope that allows applications to access all APIs"
  // (https://developer.bentley.com/itwin-platform-scope-introduction, read 2026-12-03). `offline_access` is what
  // brings a refresh token from ims.bentley.com: Bentley's own auth clients add it to every sign-in, "'offline_access'
  // is a special OAuth defined scope that is required to get a refresh token" (https://github.com/iTwin/auth-clients,
  // commit 4b89889, packages/electron/src/main/Client.ts; packages/node-cli/src/Client.ts: "If offline_access is not
  // included, add it so that we can get a refresh token"; read 2026-12-03). The same file notes that the client must
  // also have refresh tokens enabled on Bentley's side.
  scopes: { default: ['itwin-platform', 'offline_access'], required: ['itwin-platform'], separator: ' ' },
  // "The client must authenticate using the HTTP Basic method and provide the url-encoded clientId and the
  // clientSecret" (Bentley's community article "Authorizing Web Applications",
  // https://communities.bentley.com/products/construction/w/synchro-4d-wiki/66380/authorizing-web-applications,
  // read 2026-12-03).
  clientAuthLocation: 'headers',
  // GET /users/me, "Retrieve the logged in user's profile", scope itwin-platform, answers
  // `{"user": {"id", "displayName", "email", …}}`; the Accept header names the API version
  // (https://developer.bentley.com/apis/users/operations/me/, read 2026-12-03).
  account: {
    userInfoUri: 'https://api.bentley.com/users/me',
    headers: { Accept: 'application/vnd.bentley.itwin-platform.v1+json' },
    idPath: 'user.id',
    displayNamePath: 'user.displayName',
  },
  // The iTwin Platform REST APIs for the proxy, all under https://api.bentley.com (`/users`, `/itwins`, `/imodels` …).
  // No fixed Accept: each API names its own version there, so the caller sends it.
  api: { baseUrl: 'https://api.bentley.com' },
} satisfies Partial<ProviderSpecInput>;
