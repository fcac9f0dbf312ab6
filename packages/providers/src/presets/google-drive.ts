import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Drive: Google's OpenID provider with the Google Drive API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `drive.file` (only the files the user opens or creates with the app) is the
 * non-sensitive scope Google recommends; `drive` and `drive.readonly` are restricted and need a security assessment.
 */
export const googleDrive = {
  ...google,
  id: 'google-drive',
  displayName: 'Google Drive',
  logo: 'googledrive',
  // The Google Drive API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/drive/api/guides/about-auth',
  setup:
    'In Google Cloud Console enable the Google Drive API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-drive/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Drive API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/drive.file'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/drive/api/reference/rest/v3
  api: { baseUrl: 'https://www.googleapis.com/drive/v3' },
} satisfies Partial<ProviderSpecInput>;
