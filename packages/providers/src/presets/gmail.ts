import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Gmail: Google's OpenID provider with the Gmail API's scopes. Everything about Google's refresh tokens (offline
 * access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing") is the
 * `google` preset's, spread here. `gmail.readonly` is a restricted scope (support.google.com/cloud/answer/13464325): a
 * public app needs Google's verification and a security assessment; `gmail.send` alone is only sensitive.
 */
export const gmail = {
  ...google,
  id: 'gmail',
  displayName: 'Gmail',
  logo: 'gmail',
  // The Gmail API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/gmail/api/auth/scopes',
  setup:
    'In Google Cloud Console enable the Gmail API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/gmail/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Gmail API scope is the smallest useful one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/gmail.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/gmail/api/reference/rest
  api: { baseUrl: 'https://gmail.googleapis.com/gmail/v1' },
} satisfies Partial<ProviderSpecInput>;
