import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Sheets: Google's OpenID provider with the Google Sheets API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `spreadsheets.readonly` reads every spreadsheet the user can (sensitive);
 * `drive.file` limits the app to the files it is given.
 */
export const googleSheets = {
  ...google,
  id: 'google-sheets',
  displayName: 'Google Sheets',
  logo: 'googlesheets',
  // The Google Sheets API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/sheets/api/scopes',
  setup:
    'In Google Cloud Console enable the Google Sheets API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-sheets/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Sheets API scope is the smallest
  // useful one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/spreadsheets.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/sheets/api/reference/rest
  api: { baseUrl: 'https://sheets.googleapis.com/v4' },
} satisfies Partial<ProviderSpecInput>;
