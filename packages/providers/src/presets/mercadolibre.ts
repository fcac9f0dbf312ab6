import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mercado Libre / Mercado Livre: the user authorizes on their country site's auth host
 * (`auth.mercadolibre.com.ar`, `auth.mercadolivre.com.br`, …), entered when connecting; every site exchanges the code
 * at the same `api.mercadolibre.com/oauth/token`, with the parameters in the form body. A refresh token comes when the
 * app has the offline access permission; the API wants the token in `Authorization: Bearer`.
 */
export const mercadolibre = {
  id: 'mercadolibre',
  displayName: 'Mercado Libre',
  type: 'oauth2',
  category: 'e-commerce',
  // "Autenticación y Autorización": (read 2026-12-03)
  docs: 'https://developers.mercadolibre.com.ar/autenticacion-y-autorizacion',
  setup:
    'Create an application in the Mercado Libre developer center with the redirect URI `{publicUrl}/api/auth/mercadolibre/handler/frame` and offline access enabled. The country site defaults to mercadolibre.com.ar; pass another when connecting (`/start?site=mercadolivre.com.br`) or set `params.site.default`.',
  authorizeUri: 'https://auth.{site}/authorization',
  // "When you POST to the /oauth/token resource … send the parameters in the body":
  // https://developers.mercadolibre.com.ar/en_us/authorization-and-token-recommendations
  tokenUri: 'https://api.mercadolibre.com/oauth/token',
  params: {
    site: {
      pattern:
        'mercadolibre\\.(com\\.ar|com\\.mx|com\\.co|cl|com\\.uy|com\\.pe|com\\.ve|com\\.ec|com\\.bo|com\\.py|com\\.do|com\\.gt|co\\.cr|com\\.pa|com\\.ni|com\\.hn|com\\.sv)|mercadolivre\\.com\\.br',
      description: 'the country site, e.g. mercadolibre.com.ar or mercadolivre.com.br',
      default: 'mercadolibre.com.ar',
    },
  },
  // Permissions are set on the application, not asked for per request.
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // `curl -H 'Authorization: Bearer …' https://api.mercadolibre.com/users/me`
  account: { userInfoUri: 'https://api.mercadolibre.com/users/me', idPath: 'id', displayNamePath: 'nickname' },
  api: { baseUrl: 'https://api.mercadolibre.com' },
} satisfies Partial<ProviderSpecInput>;
