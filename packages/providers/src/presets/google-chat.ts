import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Chat: Google's OpenID provider with the Google Chat API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `chat.spaces.readonly` lists the spaces the user is in; the Chat API also
 * needs a Chat app configured in the same Cloud project.
 */
export const googleChat = {
  ...google,
  id: 'google-chat',
  displayName: 'Google Chat',
  category: 'communication',
  logo: 'googlechat',
  // The Google Chat API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/workspace/chat/authenticate-authorize',
  setup:
    'In Google Cloud Console enable the Google Chat API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-chat/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  // openid, email and profile identify the account from the ID token; the Google Chat API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/chat.spaces.readonly'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/workspace/chat/api/reference/rest
  api: { baseUrl: 'https://chat.googleapis.com/v1' },
} satisfies Partial<ProviderSpecInput>;
