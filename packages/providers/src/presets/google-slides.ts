import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Slides: Google's OpenID provider with the Google Slides API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `presentations.readonly` reads every presentation the user can (sensitive);
 * `drive.file` limits the app to the files it is given.
 */
export const googleSlides = {
  ...google,
  id: 'google-slides',
  displayName: 'Google Slides',
  logo: 'googleslides',
  // The Google Slides API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/slides/api/scopes',
  setup:
    'In Google Cloud Console enable the Google Slides API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-slides/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Slides API scope is the smallest
  // useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/presentations.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/slides/api/reference/rest
  api: { baseUrl: 'https://slides.googleapis.com/v1' },
} satisfies Partial<ProviderSpecInput>;
