import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * PingOne: an OpenID provider per environment, discovered from `https://auth.pingone.<region>/<environment id>/as`;
 * the region's top-level domain and the environment id are entered when connecting. A refresh token comes when the
 * application's grant types include Refresh Token.
 */
export const pingone = {
  id: 'pingone',
  displayName: 'PingOne',
  type: 'oidc',
  category: 'identity',
  // Discovery at `{{authPath}}/{{envID}}/as/.well-known/openid-configuration`: (read 2026-12-03)
  docs: 'https://developer.pingidentity.com/pingone-api/auth/openid-connect-oauth-2/discovery-openid-configuration.html',
  setup:
    'In the PingOne admin console add an OIDC Web App with the redirect URI `{publicUrl}/api/auth/pingone/handler/frame`, grant types Authorization Code and Refresh Token, and token endpoint authentication Client Secret Basic. Pass the region and environment id when connecting (`/start?region=eu&environmentId=<uuid>`) or set their defaults.',
  // `https://auth.pingone.<region>/<envID>/…` by region domain:
  // https://docs.pingidentity.com/pingone/integrations/p1_discovery_document_uri.html
  issuer: 'https://auth.pingone.{region}/{environmentId}/as',
  params: {
    region: {
      pattern: 'com|eu|ca|asia',
      description: 'the region top-level domain: com (North America), eu, ca or asia',
      default: 'com',
    },
    environmentId: {
      pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      description: 'the PingOne environment id (a UUID)',
    },
  },
  scopes: { default: ['openid', 'profile', 'email'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'name' },
  // No `api`: the PingOne management API (`https://api.pingone.<region>/v1`) takes worker-app tokens, not users'.
} satisfies Partial<ProviderSpecInput>;
