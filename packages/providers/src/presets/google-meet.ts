import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Meet: Google's OpenID provider with the Google Meet REST API's scopes. Everything about Google's refresh
 * tokens (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in
 * "Testing") is the `google` preset's, spread here. `meetings.space.readonly` reads the meeting spaces the user can
 * (sensitive); the Meet REST API takes user credentials only.
 */
export const googleMeet = {
  ...google,
  id: 'google-meet',
  displayName: 'Google Meet',
  category: 'communication',
  logo: 'googlemeet',
  // The Google Meet REST API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/meet/api/guides/authenticate-authorize',
  setup:
    'In Google Cloud Console enable the Google Meet REST API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-meet/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Meet REST API scope is the smallest
  // useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/meetings.space.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/meet/api/reference/rest/v2
  api: { baseUrl: 'https://meet.googleapis.com/v2' },
} satisfies Partial<ProviderSpecInput>;
