import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Close (sales CRM): authorization code grant at app.close.com, exchanged at api.close.com with the client's id and
 * secret as form fields. Close grants every OAuth app the same scopes (`all.full_access offline_access`), so none
 * are requested; the user picks one organization on the consent screen, and the token acts as that user in it.
 */
export const close = {
  id: 'close',
  displayName: 'Close',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://developer.close.com/api/overview/oauth-authentication',
  setup:
    'In Close go to Settings > Developer > OAuth Apps, create an app with the redirect URL `{publicUrl}/api/auth/close/handler/frame` (Close accepts https redirect URLs only) and copy its client id and secret.',
  // Both endpoints keep their trailing slash, as documented.
  authorizeUri: 'https://app.close.com/oauth2/authorize/',
  tokenUri: 'https://api.close.com/oauth2/token/',
  // "All OAuth applications are granted the all.full_access offline_access scopes"
  // (https://developer.close.com/integrations/create-an-oauth-app): nothing to ask for.
  scopes: { default: [], required: [], separator: ' ' },
  // The code exchange is a form POST carrying client_id and client_secret.
  clientAuthLocation: 'body',
  // GET /api/v1/me/ describes the user the token acts as (https://developer.close.com/api/resources/users/get-me).
  account: { userInfoUri: 'https://api.close.com/api/v1/me/', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: https://developer.close.com/api/overview
  api: { baseUrl: 'https://api.close.com/api/v1' },
} satisfies Partial<ProviderSpecInput>;
