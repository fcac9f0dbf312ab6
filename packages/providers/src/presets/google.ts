import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Google: an OpenID provider with discovery (revocation included). A refresh token is issued only with
 * `access_type=offline`, and on a repeat consent only with `prompt=consent`; refreshes return none, so the stored one
 * is kept. Refresh tokens die after 6 months unused (hence the keep-alive), past the per-client limit per user, and
 * after 7 days while the OAuth consent screen is in "Testing".
 */
export const google = {
  id: 'google',
  displayName: 'Google',
  type: 'oidc',
  category: 'productivity',
  logo: 'google',
  docs: 'https://developers.google.com/identity/protocols/oauth2/web-server',
  setup:
    'In Google Cloud Console > APIs & Services > Credentials, create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days.',
  issuer: 'https://accounts.google.com',
  scopes: { default: ['openid', 'email', 'profile'], required: ['openid'], separator: ' ' },
  // Google's web-server guide sends client_id and client_secret in the token request body.
  clientAuthLocation: 'body',
  extra: {
    authorize: {
      // Without offline access Google issues no refresh token.
      access_type: 'offline',
      // Google issues a refresh token on a repeat authorization only when the consent screen is shown again.
      prompt: 'consent',
      // Incremental authorization: a scope step-up keeps the scopes granted before.
      include_granted_scopes: 'true',
    },
  },
  account: { idPath: 'sub' },
  // Refresh tokens unused for 6 months stop working (developers.google.com/identity/protocols/oauth2); 30 days.
  keepAliveSeconds: 2_592_000,
  // The provider's API for the proxy: https://developers.google.com/drive/api/v3/reference (read 2026-12-03): service
  // endpoint https://www.googleapis.com, Drive paths below `/drive/v3`.
  // Drive (`/drive/v3`), Calendar (`/calendar/v3`) and Gmail (`/gmail/v1`) answer on www.googleapis.com; APIs only on
  // their own host need their own provider entry.
  api: { baseUrl: 'https://www.googleapis.com' },
} satisfies Partial<ProviderSpecInput>;
