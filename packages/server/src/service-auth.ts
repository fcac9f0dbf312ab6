import { hasRole, type Role, type Vault, VaultError } from '@tokenvault/core';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';

/** Requires a service-client bearer JWT (SPEC §5.3.3) whose client holds `role`; sets `principal`. */
export function requireServiceClient(vault: Vault, role: Role) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new VaultError('unauthorized', 'send a service-client JWT as "Authorization: Bearer <jwt>"');
    const principal = await vault.clients.authenticate(match[1]);
    if (!hasRole(principal, role)) throw new VaultError('forbidden', `the client needs the ${role} role`);
    c.set('principal', principal);
    await next();
  });
}
