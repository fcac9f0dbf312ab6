import { authorize, type ClientDetails, resources, type Vault } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { isoInstant, isoTime, parse, parseBody } from '../wire.js';

/** A grant as a DELETE names it: role and resource. */
export const grantInput = z
  .object({ role: z.string().min(1).max(100), resource: z.string().max(1000).optional() })
  .strict();

/** A grant to give: optionally time-boxed, when it stops working (docs/security.md, "Time-boxed grants"). */
export const grantBody = grantInput.extend({ expiresAt: isoInstant.optional() }).strict();

export const clientBody = z
  .object({
    name: z.string().min(1).max(200),
    grants: z.array(grantBody).max(100).default([]),
    keyExpiresAt: isoInstant.optional(),
  })
  .strict();

export const keyBody = z.object({ expiresAt: isoInstant.optional() }).strict();

/**
 * `/v1/admin/clients`: service clients, their keys and grants (docs/api.md). Needs `clients:manage` on the
 * client (the admin role); an access key is in the response that creates it and nowhere else.
 */
export function clientRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    const env = c.get('env');
    authorize(c.get('caller'), 'clients:manage', resources.clients(env));
    return c.json({ items: (await vault.clients.list(env)).map(clientJson), nextCursor: null });
  });

  app.post('/', async (c) => {
    const env = c.get('env');
    authorize(c.get('caller'), 'clients:manage', resources.clients(env));
    const body = await parseBody(clientBody, c.req.raw);
    const created = await vault.clients.create(
      { env, name: body.name, grants: body.grants, expiresAt: body.keyExpiresAt ?? null },
      c.get('caller'),
    );
    c.header('cache-control', 'no-store');
    return c.json(
      {
        client: clientJson(await vault.clients.get(env, created.client.id)),
        keyId: created.keyId,
        accessKey: created.accessKey,
      },
      201,
    );
  });

  app.get('/:clientId', async (c) => {
    const { env, clientId } = target(c);
    return c.json(clientJson(await vault.clients.get(env, clientId)));
  });

  app.delete('/:clientId', async (c) => {
    const { env, clientId } = target(c);
    await vault.clients.remove(env, clientId, c.get('caller'));
    return c.json({ deleted: true });
  });

  app.post('/:clientId/keys', async (c) => {
    const { env, clientId } = target(c);
    const body = await parseBody(keyBody, c.req.raw);
    const key = await vault.clients.addKey(env, clientId, c.get('caller'), body.expiresAt ?? null);
    c.header('cache-control', 'no-store');
    return c.json({ keyId: key.keyId, accessKey: key.accessKey, expiresAt: isoTime(key.expiresAt) }, 201);
  });

  app.delete('/:clientId/keys/:keyId', async (c) => {
    const { env, clientId } = target(c);
    await vault.clients.revokeKey(env, clientId, c.req.param('keyId'), c.get('caller'));
    return c.json({ revoked: true });
  });

  app.post('/:clientId/grants', async (c) => {
    const { env, clientId } = target(c);
    const grant = await vault.clients.grant(env, clientId, await parseBody(grantBody, c.req.raw), c.get('caller'));
    return c.json(grantJson(grant), 201);
  });

  // A grant is named by its role and resource, given as query parameters (a DELETE body is often dropped).
  app.delete('/:clientId/grants', async (c) => {
    const { env, clientId } = target(c);
    await vault.clients.revokeGrant(env, clientId, parse(grantInput, c.req.query()), c.get('caller'));
    return c.json({ revoked: true });
  });

  return app;
}

/** The environment and client a route acts on, once the caller may manage that client. */
function target(c: Context<ServerEnv>) {
  const env = c.get('env');
  const clientId = c.req.param('clientId') ?? '';
  authorize(c.get('caller'), 'clients:manage', resources.clients(env, clientId));
  return { env, clientId };
}

function grantJson(grant: { role: string; resource: string; expiresAt: number | null }) {
  return { role: grant.role, resource: grant.resource, expiresAt: isoTime(grant.expiresAt) };
}

function clientJson(client: ClientDetails) {
  return {
    id: client.id,
    name: client.name,
    createdAt: isoTime(client.createdAt),
    grants: client.grants.map(grantJson),
    keys: client.keys.map((key) => ({
      id: key.id,
      createdAt: isoTime(key.createdAt),
      expiresAt: isoTime(key.expiresAt),
      lastUsedAt: isoTime(key.lastUsedAt),
      revokedAt: isoTime(key.revokedAt),
    })),
  };
}
