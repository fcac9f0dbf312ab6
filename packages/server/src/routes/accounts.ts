import { type Caller, type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { AccountAuth } from '../account-auth.js';
import type { ServerEnv, ServerOptions } from '../context.js';
import { accountJson, disconnectJson, jsonBody, parse, parseBody, tokenJson } from '../wire.js';

export const accessTokenBody = z
  .object({
    scopes: z.array(z.string().min(1)).max(100).optional(),
    minValiditySeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/**
 * A user's connected accounts, written once and mounted behind each authenticator (app.ts): `/v1/users/{userId}`
 * for service clients, whose grants decide; `/v1/me` for the browser session's own user, whose other users'
 * accounts are simply not found (404, not 403: existence does not leak).
 */
export function accountRoutes(options: ServerOptions, auth: AccountAuth) {
  const { vault, logger } = options;
  const app = new Hono<ServerEnv>();
  app.use('*', auth.authenticate);

  app.get('/connected-accounts', async (c) => {
    if (!auth.mayListAnywhere(c)) throw new VaultError('forbidden', 'no grant allows connections:read');
    const { env, userId } = c.get('user');
    const accounts = await vault.listAccounts(env, userId, c.get('caller'));
    return c.json({ items: accounts.map(accountJson), nextCursor: null });
  });

  app.get('/connected-accounts/:accountId', async (c) => {
    const { env, userId } = c.get('user');
    return c.json(accountJson(await vault.getAccount(env, userId, c.req.param('accountId'), c.get('caller'))));
  });

  app.delete('/connected-accounts/:accountId', async (c) => {
    const account = { ...c.get('user'), accountId: c.req.param('accountId') };
    const result = await vault.disconnect(account, c.get('caller'));
    if (result.revocationError) {
      // The credential is deleted anyway; the operator may want to revoke it at the provider by hand.
      const fields = { requestId: c.get('requestId'), errorCode: result.revocationError.code };
      logger?.warn(fields, 'revocation at the provider failed');
    }
    return c.json(disconnectJson(result));
  });

  app.post('/connected-accounts/:accountId/access-token', async (c) => {
    const body = await jsonBody(c.req.raw);
    const token = await readAccessToken(vault, c.get('user'), c.req.param('accountId'), body, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(token);
  });

  // The user's best account of the provider: healthy, holding the scopes, most recently linked.
  app.post('/providers/:provider/access-token', async (c) => {
    const options = await parseBody(accessTokenBody, c.req.raw);
    const request = { ...c.get('user'), provider: c.req.param('provider'), ...options };
    const token = await vault.getProviderAccessToken(request, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(tokenJson(token));
  });

  return app;
}

/** `POST …/connected-accounts/{accountId}/access-token` once the caller is known: here and in node-token-read.ts. */
export async function readAccessToken(
  vault: Vault,
  user: { env: string; userId: string },
  accountId: string,
  body: unknown,
  caller: Caller,
) {
  const options = parse(accessTokenBody, body);
  // Named, not `{ ...user, accountId, ...options }`: V8 builds that shape in its runtime, half a microsecond a read.
  return tokenJson(await vault.getAccessToken({ env: user.env, userId: user.userId, accountId, ...options }, caller));
}
