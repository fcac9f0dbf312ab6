import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Autodesk Platform Services (APS, formerly Forge): three-legged authorization code grant at
 * developer.api.autodesk.com/authentication/v2. Access tokens last 60 minutes and refresh tokens 15 days; scopes
 * are space-separated (`user-profile:read`, `data:read`, `data:write` …).
 */
export const autodesk = {
  id: 'autodesk',
  displayName: 'Autodesk Platform Services',
  type: 'oauth2',
  category: 'other',
  logo: 'autodesk',
  // (read 2026-12-03); token lifetimes: https://aps.autodesk.com/en/docs/oauth/v2/reference/typescript-sdk/classes/AuthenticationClient/
  docs: 'https://aps.autodesk.com/en/docs/oauth/v2',
  setup:
    'Create a "Traditional Web App" in the APS developer portal (https://aps.autodesk.com/myapps) with the callback URL {publicUrl}/api/auth/autodesk/handler/frame and the APIs the app uses.',
  authorizeUri: 'https://developer.api.autodesk.com/authentication/v2/authorize',
  tokenUri: 'https://developer.api.autodesk.com/authentication/v2/token',
  // `user-profile:read` lets the userinfo endpoint answer, `data:read` reads the user's files.
  scopes: { default: ['user-profile:read', 'data:read'], required: ['user-profile:read'] },
  // The token endpoint reads the client id and secret as HTTP Basic
  // (https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-2-legged-token; the 3-legged exchange:
  // https://aps.autodesk.com/en/docs/oauth/v2/tutorials/get-3-legged-token).
  clientAuthLocation: 'headers',
  // OIDC userinfo (sub, name, email …), three-legged tokens only:
  // https://aps.autodesk.com/en/docs/profile/v2/tutorials/tutorial_01/task2/
  account: { userInfoUri: 'https://api.aps.autodesk.com/userinfo', idPath: 'sub', displayNamePath: 'name' },
  // The provider's API for the proxy: every APS API (Data Management, Model Derivative …) is below
  // https://developer.api.autodesk.com.
  api: { baseUrl: 'https://developer.api.autodesk.com' },
} satisfies Partial<ProviderSpecInput>;
