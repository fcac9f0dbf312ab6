import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Amazon Cognito user pools: an OpenID provider per user pool, discovered from
 * `https://cognito-idp.<region>.amazonaws.com/<user pool id>`; region and pool id are entered when connecting. The
 * pool's managed login (its own domain) serves the authorize and token endpoints that discovery names.
 */
export const cognito = {
  id: 'cognito',
  displayName: 'Amazon Cognito',
  type: 'oidc',
  category: 'identity',
  // The original issuer format, `https://cognito-idp.[region].amazonaws.com/[userPoolId]`: (read 2026-12-03)
  docs: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_IssuerConfigurationType.html',
  setup:
    'Give the user pool a domain, create a confidential app client with the authorization code grant, the scopes openid, email and profile and the callback URL `{publicUrl}/api/auth/cognito/handler/frame`. Pass the region and the user pool id when connecting (`/start?region=eu-west-1&userPoolId=eu-west-1_AbCd123`) or set their defaults.',
  issuer: 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}',
  params: {
    region: { pattern: '[a-z]{2}(-[a-z]+)+-[0-9]', description: 'the AWS region of the user pool, e.g. eu-west-1' },
    userPoolId: {
      pattern: '[a-z]{2}(-[a-z]+)+-[0-9]_[A-Za-z0-9]+',
      description: 'the user pool id, e.g. eu-west-1_AbCd123',
    },
  },
  scopes: { default: ['openid', 'email', 'profile'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'email' },
  // No `api`: a user pool's access tokens are for your own APIs; set `api.baseUrl` in the configuration.
} satisfies Partial<ProviderSpecInput>;
