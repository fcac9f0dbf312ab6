import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Calendar: Google's OpenID provider with the Google Calendar API's scopes. Everything about Google's refresh
 * tokens (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in
 * "Testing") is the `google` preset's, spread here. `calendar.readonly` sees every calendar the user can;
 * `calendar.events` and `calendar` add writes.
 */
export const googleCalendar = {
  ...google,
  id: 'google-calendar',
  displayName: 'Google Calendar',
  logo: 'googlecalendar',
  // The Google Calendar API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/calendar/api/auth',
  setup:
    'In Google Cloud Console enable the Google Calendar API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-calendar/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Calendar API scope is the smallest
  // useful one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/calendar.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/calendar/api/v3/reference
  api: { baseUrl: 'https://www.googleapis.com/calendar/v3' },
} satisfies Partial<ProviderSpecInput>;
