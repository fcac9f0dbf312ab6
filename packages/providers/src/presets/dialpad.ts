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
  authorizeUri: 'https://dialpad.com/oauth2/authorize',
  tokenUri: 'https://dialpad.com/oauth2/token',
  // The default access needs no scope; special scopes are requested at registration.
  scopes: { default: [], required: [], separator: ' ' },
  // The token request carries client_id and client_secret as parameters.
  clientAuthLocation: 'body',
  // https://developers.dialpad.com/reference/usersget: `me` is the token's own user.
  account: { userInfoUri: 'https://dialpad.com/api/v2/users/me', idPath: 'id', displayNamePath: 'display_name' },
  // The provider's API for the proxy: https://developers.dialpad.com/docs/authentication-basics
  api: { baseUrl: 'https://dialpad.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
