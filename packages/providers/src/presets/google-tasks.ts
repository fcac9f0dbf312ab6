import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Tasks: Google's OpenID provider with the Google Tasks API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `tasks.readonly` views the user's tasks; `tasks` adds writes.
 */
export const googleTasks = {
  ...google,
  id: 'google-tasks',
  displayName: 'Google Tasks',
  logo: 'googletasks',
  // The Google Tasks API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/tasks/auth',
  setup:
    'In Google Cloud Console enable the Google Tasks API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-tasks/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Tasks API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/tasks.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/tasks/reference/rest
  api: { baseUrl: 'https://tasks.googleapis.com/tasks/v1' },
} satisfies Partial<ProviderSpecInput>;
