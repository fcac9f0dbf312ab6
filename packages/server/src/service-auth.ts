import { clientCaller, type Vault, VaultError } from '@tokenvault/core';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';

/**
 * Requires a service-client bearer JWT (signed with an access key; docs/api.md) and sets `principal` and `caller`. It decides nothing about
 * permission: each route asks the grants, through `caller`, about the resource it touches.
 */
export function requireServiceClient(vault: Vault) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new VaultError('unauthorized', 'send a service-client JWT as "Authorization: Bearer <jwt>"');
    const principal = await vault.clients.authenticate(match[1]);
    c.set('principal', principal);
    c.set('caller', clientCaller(principal, c.get('requestId')));
    await next();
  });
}
