import { type Caller, clientCaller, type Principal, type Vault, VaultError } from '@tokenvault/core';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';

/**
 * Requires a service-client bearer JWT (signed with an access key; docs/api.md) and sets `principal` and `caller`. It decides nothing about
 * permission: each route asks the grants, through `caller`, about the resource it touches.
 */
export function requireServiceClient(vault: Vault) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const { principal, caller } = await serviceClient(vault, c.req.header('authorization'), c.get('requestId'));
    c.set('principal', principal);
    c.set('caller', caller);
    await next();
  });
}

/** The service client an `Authorization` header proves, and the caller its request acts as. */
export async function serviceClient(
  vault: Vault,
  authorization: string | undefined,
  requestId: string,
): Promise<{ principal: Principal; caller: Caller }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new VaultError('unauthorized', 'send a service-client JWT as "Authorization: Bearer <jwt>"');
  const principal = await vault.clients.authenticate(match[1]);
  return { principal, caller: clientCaller(principal, requestId) };
}
