import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Yahoo: an OpenID provider with discovery at api.login.yahoo.com. The scopes an app may use are fixed when it is
 * registered (the OpenID Connect permissions Email and Profile); the authorization request names `openid` and those.
 * A refresh token comes with the code exchange.
 */
export const yahoo = {
  id: 'yahoo',
  displayName: 'Yahoo',
  type: 'oidc',
  category: 'identity',
  // "OpenID Connect", "Getting Started" and "Discovery Document" (read 2026-12-03): Yahoo publishes an OpenID
  // Connect discovery document (https://developer.yahoo.com/oauth2/guide/openid_connect/discovery.html), and its
  // authorization code flow runs on api.login.yahoo.com (`/oauth2/request_auth`,
  // https://developer.yahoo.com/oauth2/guide/flows_authcode/). The endpoints come from the discovery document,
  // whose `issuer` the vault checks against this one when it starts (`providers validate` too).
  docs: 'https://developer.yahoo.com/oauth2/guide/openid_connect/getting_started.html',
  setup:
    'Create an app at developer.yahoo.com/apps with the redirect URI `{publicUrl}/api/auth/yahoo/handler/frame` and the OpenID Connect permissions Email and Profile.',
  issuer: 'https://api.login.yahoo.com',
  scopes: { default: ['openid', 'email', 'profile'], required: ['openid'], separator: ' ' },
  // The token request sends the client id and secret as HTTP Basic credentials (Yahoo's own example of
  // `POST https://api.login.yahoo.com/oauth2/get_token`, https://fe.prod.ydn.yahoo.com/brightroll/dsp/api/docs/tokens/,
  // read 2026-12-03).
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'name' },
  // No `api`: Yahoo's remaining OAuth APIs (Fantasy Sports, Mail for partners) are product-specific.
} satisfies Partial<ProviderSpecInput>;
