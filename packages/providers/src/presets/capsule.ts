import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Capsule CRM: OAuth 2 authorization code grant (API v2) on api.capsulecrm.com, the host the API itself uses;
 * the user approves on their own Capsule account's login page, so no subdomain has to be entered. Scopes are
 * `read` and `write`. An invalid or expired token is a 401, a missing scope a 403.
 */
export const capsule = {
  id: 'capsule',
  displayName: 'Capsule CRM',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://developer.capsulecrm.com/v2/overview/authentication',
  setup:
    'Sign in to the Capsule developer portal (https://developer.capsulecrm.com), register a new application with the redirect URI `{publicUrl}/api/auth/capsule/handler/frame` and copy its client id and secret.',
  authorizeUri: 'https://api.capsulecrm.com/oauth/authorise',
  tokenUri: 'https://api.capsulecrm.com/oauth/token',
  scopes: { default: ['read'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /api/v2/users/current answers `{user: {id, name, …}}`, the user the token belongs to.
  account: {
    userInfoUri: 'https://api.capsulecrm.com/api/v2/users/current',
    idPath: 'user.id',
    displayNamePath: 'user.name',
  },
  // The provider's API for the proxy: https://developer.capsulecrm.com/v2/overview/authentication
  api: { baseUrl: 'https://api.capsulecrm.com/api/v2' },
} satisfies Partial<ProviderSpecInput>;
