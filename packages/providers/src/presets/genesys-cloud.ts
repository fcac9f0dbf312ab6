import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Genesys Cloud (contact center): the Authorization Code grant of an OAuth client created in the organization's
 * admin, for server-side apps. Each region is its own environment (mypurecloud.com, mypurecloud.ie, usw2.pure.cloud
 * …) with its login server at `login.<environment>` and its API at `api.<environment>`. The code exchange and the
 * refresh send the client id and secret as HTTP Basic and answer with an access token and a refresh token; the
 * access token lasts as long as the OAuth client's token duration says.
 */
export const genesysCloud = {
  id: 'genesys-cloud',
  displayName: 'Genesys Cloud',
  type: 'oauth2',
  category: 'support',
  // "Grant - Authorization Code": redirect to https://login.mypurecloud.com/oauth/authorize with
  // response_type=code, then exchange the code (read 2026-12-03)
  docs: 'https://developer.genesys.cloud/api/rest/authorization/use-authorization-code',
  setup:
    'In Genesys Cloud Admin > Integrations > OAuth, add a client with the grant type "Code Authorization", the authorized redirect URI `{publicUrl}/api/auth/genesys-cloud/handler/frame` and the scopes your app needs; copy its client id and secret. The environment defaults to mypurecloud.com (US East); pass the organization\'s own when connecting (`/start?environment=mypurecloud.ie&…`) or set `params.environment.default`.',
  // Genesys's official JavaScript SDK builds both from the environment: `https://login.${environment}` for
  // `/oauth/authorize` and `/oauth/token`, `https://api.${environment}` for the API
  // (https://github.com/MyPureCloud/platform-client-sdk-javascript, build/src/purecloud-platform-client-v2/ApiClient.js
  // and configuration.js, read 2026-12-03).
  authorizeUri: 'https://login.{environment}/oauth/authorize',
  tokenUri: 'https://login.{environment}/oauth/token',
  // The environments of the same SDK's PureCloudRegionHosts.js (read 2026-12-03), one per region.
  params: {
    environment: {
      pattern:
        'mypurecloud\\.(com|ie|com\\.au|jp|de)|(usw2|cac1|apne2|euw2|aps1|sae1|mec1|apne3|euc2|mxc1|apse1)\\.pure\\.cloud|use2\\.us-gov-pure\\.cloud',
      description: 'the Genesys Cloud environment of the organization, e.g. mypurecloud.com or mypurecloud.ie',
      default: 'mypurecloud.com',
    },
  },
  // The OAuth client's own scope list decides what the token may do; none is needed to read the user.
  scopes: { default: [], required: [], separator: ' ' },
  // The SDK's loginCodeAuthorizationGrant and refreshCodeAuthorizationGrant POST a form with
  // `Authorization: Basic base64(client_id:client_secret)` and read `access_token`, `refresh_token` and
  // `expires_in` from the answer (ApiClient.js above).
  clientAuthLocation: 'headers',
  // GET /api/v2/users/me, "Get current user details", needs no permission and answers a UserMe with `id`, `name`
  // and `email` (the SDK's build/docs/UsersApi.md and the UserMe model in build/index.d.ts, read 2026-12-03).
  account: {
    userInfoUri: 'https://api.{environment}/api/v2/users/me',
    idPath: 'id',
    displayNamePath: 'name',
  },
  // The Platform API for the proxy, under /api/v2 on the environment's API host.
  api: { baseUrl: 'https://api.{environment}/api/v2' },
} satisfies Partial<ProviderSpecInput>;
