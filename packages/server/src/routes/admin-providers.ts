import { authorize, mergeScopes, resources, type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { parse } from '../wire.js';
import { connectSessionJson } from './connect-sessions.js';

const noQuery = z.object({}).strict();

/** `/v1/admin/providers`: the environment's providers as an operator sets them up, and a test connect of one. */
export function providerRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();

  // The environment's configured providers, as much as an operator needs to connect and debug them (never the
  // client secret): those whose connections the client may read; a client that may read none is refused.
  app.get('/', (c) => {
    parse(z.object({}).strict(), c.req.query());
    const env = c.get('env');
    if (!c.get('mayAnywhere')('connections:read'))
      throw new VaultError('forbidden', 'no grant allows connections:read');
    const providers = vault.providers
      .list(env)
      .filter((p) => c.get('caller').may('connections:read', resources.connections(env, p.id)));
    return c.json({
      items: providers.map((p) => ({
        id: p.id,
        displayName: p.spec.displayName,
        type: p.spec.type,
        clientId: p.clientId,
        callbackUrl: `${vault.publicUrl}/api/auth/${p.id}/handler/frame`,
        scopes: mergeScopes(p.spec.scopes.required, p.scopes), // as every connect asks (core's startConnect)
        params: Object.keys(p.spec.params),
        refreshes: !p.spec.noRefreshToken,
        keepAliveSeconds: p.spec.keepAliveSeconds ?? null,
        docs: p.spec.docs ?? null,
        setup: p.spec.setup ?? null,
      })),
      nextCursor: null,
    });
  });

  // A connect session for a test user named after the caller (`test:operator:<subject>`), so the hosted connect
  // page can be run as it, exactly as an app's user runs it; the account it connects belongs to that test user.
  app.post('/:provider/test-connect', async (c) => {
    parse(noQuery, c.req.query());
    const env = c.get('env');
    const caller = c.get('caller');
    const provider = c.req.param('provider');
    const userId = testUser(caller.principal);
    authorize(caller, 'connect-sessions:create', resources.account(env, provider, userId));
    const session = await vault.connectSessions.create({ env, userId, provider }, caller);
    c.header('cache-control', 'no-store');
    return c.json(connectSessionJson(vault.publicUrl, session), 201);
  });

  return app;
}

/** The user a test connect connects accounts for: one per operator or client, apart from every real user. */
export function testUser(principal: string): string {
  return `test:${principal}`;
}
