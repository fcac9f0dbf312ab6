import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Dialpad: "Login with Dialpad", an authorization code grant at dialpad.com whose token is a Dialpad API key acting
 * for the user. Apps are registered by a form Dialpad reviews; special scopes are granted at registration. A sandbox
 * (sandbox.dialpad.com) has its own hosts: override every endpoint to use it.
 */
export const dialpad = {
  id: 'dialpad',
  displayName: 'Dialpad',
  type: 'oauth2',
  category: 'communication',
  // (read 2026-12-03)
  docs: 'https://developers.dialpad.com/docs/oauth',
  setup:
    "Register an OAuth application with Dialpad's form (linked from the OAuth guide) with the redirect URI `{publicUrl}/api/auth/dialpad/handler/frame`; Dialpad sends the client id and secret.",
  // Both endpoints: https://developers.dialpad.com/docs/oauth (read 2026-12-03), and Dialpad's OpenAPI description
  // in its official SDK (https://github.com/dialpad/dialpad-python-sdk, dialpad_api_spec.json, read 2026-12-03: PKCE
  // parameters on /oauth2/authorize; client_id and client_secret "must either be provided in the request body, or in
  // a basic authorization header" on /oauth2/token).
  authorizeUri: 'https://dialpad.com/oauth2/authorize',
  tokenUri: 'https://dialpad.com/oauth2/token',
  // The default access needs no scope; the additional ones are space-separated (the description's `scope`).
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The description's /oauth2/token request body is application/json only, and the SDK's oauth2 resource sends it
  // as JSON (src/dialpad/resources/oauth2_resource.py with client.py's `json=body`).
  tokenRequestFormat: 'json',
  // "exchange a refresh token for a short-lived access token and another refresh token" (the refresh grant's body
  // schema in the same description).
  rotatesRefreshTokens: true,
  // GET /api/v2/users/{id} ("User -- Get"), `me` naming the token's own user, `id` and `display_name` in its answer
  // (the description's users path and UserProto schema, read 2026-12-03).
  account: { userInfoUri: 'https://dialpad.com/api/v2/users/me', idPath: 'id', displayNamePath: 'display_name' },
  // The provider's API for the proxy: the description's server https://dialpad.com with /api/v2 paths.
  api: { baseUrl: 'https://dialpad.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
