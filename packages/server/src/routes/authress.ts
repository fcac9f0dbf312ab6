import { DEFAULT_MIN_VALIDITY_SECONDS } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv, ServerOptions } from '../context.js';
import { requireServiceClient } from '../service-auth.js';

/**
 * The routes `@authress/sdk` calls (docs/api.md, "Authress-compatible"), so a backend can switch to the vault
 * by changing its base URL. Paths keep Authress's shape; errors are the vault's own JSON.
 */
export function authressRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();

  // `connections.getConnectionCredentials(provider, userId)`: the user's best account of that provider, with at
  // least 5 minutes left (the SDK is told no expiry). Needs re-auth is 409, never a 5xx: the SDK retries 5xx.
  app.get('/connections/:provider/users/:userId/credentials', requireServiceClient(vault), async (c) => {
    const { provider, userId } = c.req.param();
    const token = await vault.getProviderAccessToken(
      { env: c.get('principal').env, userId, provider, minValiditySeconds: DEFAULT_MIN_VALIDITY_SECONDS },
      c.get('caller'),
    );
    c.header('cache-control', 'no-store');
    return c.json({ accessToken: token.accessToken });
  });

  // Where Authress's token verifier looks for a service client's public keys: `<iss>/.well-known/…/jwks`.
  // Public keys only; revoked and expired keys are left out.
  app.get('/clients/:clientId/.well-known/openid-configuration', (c) => {
    const issuer = `${vault.publicUrl}/v1/clients/${encodeURIComponent(c.req.param('clientId'))}`;
    return c.json({ issuer, jwks_uri: `${issuer}/.well-known/openid-configuration/jwks` });
  });
  app.get('/clients/:clientId/.well-known/openid-configuration/jwks', async (c) => {
    c.header('cache-control', 'max-age=60');
    return c.json(await vault.clients.jwks(c.req.param('clientId')));
  });

  return app;
}
