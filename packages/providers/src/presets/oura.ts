import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Oura (ring health data): authorization code grant; the authorize page is on cloud.ouraring.com and the token
 * endpoint on api.ouraring.com. Scopes are space-separated (`email`, `personal`, `daily`, `heartrate`, `workout`,
 * `tag`, `session`, `spo2`), and the user may untick any of them on the consent page, so a call may find a scope
 * missing.
 */
export const oura = {
  id: 'oura',
  displayName: 'Oura',
  type: 'oauth2',
  category: 'other',
  // (read 2026-12-03)
  docs: 'https://cloud.ouraring.com/docs/authentication',
  setup:
    'Register an API application at https://cloud.ouraring.com/oauth/applications with the redirect URI {publicUrl}/api/auth/oura/handler/frame. New applications are limited to ten users until Oura approves them.',
  authorizeUri: 'https://cloud.ouraring.com/oauth/authorize',
  tokenUri: 'https://api.ouraring.com/oauth/token',
  // `personal` covers the personal info document used to identify the user; without it age, weight … come back null.
  scopes: { default: ['personal'], required: [] },
  // "Single Personal Info Document" (https://cloud.ouraring.com/v2/docs): `id` (always present), age, weight,
  // height, biological_sex, email.
  account: { userInfoUri: 'https://api.ouraring.com/v2/usercollection/personal_info', idPath: 'id' },
  // The provider's API for the proxy: https://cloud.ouraring.com/v2/docs: https://api.ouraring.com/v2/usercollection/…
  api: { baseUrl: 'https://api.ouraring.com/v2' },
} satisfies Partial<ProviderSpecInput>;
