import type { ConnectedAccount } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import { requireServiceClient } from '../service-auth.js';

const accessTokenBody = z
  .object({
    scopes: z.array(z.string().min(1)).max(100).optional(),
    minValiditySeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/** `/v1/users/{userId}/connected-accounts…` for service clients; the environment is the key's. */
export function accountRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(vault, 'admin'));

  app.get('/:userId/connected-accounts', async (c) => {
    const accounts = await vault.listAccounts(c.get('principal').env, c.req.param('userId'));
    return c.json({ items: accounts.map(accountJson), nextCursor: null });
  });

  app.get('/:userId/connected-accounts/:accountId', async (c) => {
    const account = await vault.getAccount(c.get('principal').env, c.req.param('userId'), c.req.param('accountId'));
    return c.json(accountJson(account));
  });

  app.delete('/:userId/connected-accounts/:accountId', async (c) => {
    const { revoked, revocationError } = await vault.disconnect(
      c.get('principal').env,
      c.req.param('userId'),
      c.req.param('accountId'),
    );
    if (revocationError) {
      options.logger?.warn(
        { requestId: c.get('requestId'), code: revocationError.code },
        'revocation at the provider failed',
      );
    }
    return c.json({
      deleted: true,
      revokedAtProvider: revoked,
      ...(revocationError && { revocationError: { error: revocationError.code, message: revocationError.message } }),
    });
  });

  app.post('/:userId/connected-accounts/:accountId/access-token', async (c) => {
    const body = accessTokenBody.safeParse(await jsonBody(c.req.raw));
    if (!body.success) throw new VaultError('invalid_request', body.error.issues.map((i) => i.message).join('; '));
    const token = await vault.getAccessToken({
      env: c.get('principal').env,
      userId: c.req.param('userId'),
      accountId: c.req.param('accountId'),
      ...body.data,
    });
    c.header('cache-control', 'no-store');
    return c.json({
      accessToken: token.accessToken,
      tokenType: token.tokenType,
      expiresAt: isoTime(token.expiresAt),
      scopes: token.scopes,
    });
  });

  return app;
}

/** An empty body means "no options". */
export async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new VaultError('invalid_request', 'the body is not valid JSON', { cause });
  }
}

export function accountJson(account: ConnectedAccount) {
  return {
    ...account,
    expiresAt: isoTime(account.expiresAt),
    lastRefreshedAt: isoTime(account.lastRefreshedAt),
    nextRefreshAt: isoTime(account.nextRefreshAt),
    createdAt: isoTime(account.createdAt),
    updatedAt: isoTime(account.updatedAt),
  };
}

export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
