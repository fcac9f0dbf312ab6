import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Docs: Google's OpenID provider with the Google Docs API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `documents.readonly` reads every document the user can (sensitive);
 * `drive.file` limits the app to the files it is given.
 */
export const googleDocs = {
  ...google,
  id: 'google-docs',
  displayName: 'Google Docs',
  logo: 'googledocs',
  // The Google Docs API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/docs/api/auth',
  setup:
    'In Google Cloud Console enable the Google Docs API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-docs/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Docs API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/documents.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/docs/api/reference/rest
  api: { baseUrl: 'https://docs.googleapis.com/v1' },
} satisfies Partial<ProviderSpecInput>;
