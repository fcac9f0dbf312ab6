import { Hono } from 'hono';
import type { ServerEnv, ServerOptions } from '../context.js';
import { accountJson, disconnectJson, isoTime } from '../wire.js';

/**
 * `/v1/admin/users/{userId}/connected-accounts/{id}`: one account of any user of the environment, as an operator
 * looks into it (its events), refreshes it now or disconnects it. The token itself is never answered here.
 */
export function adminAccountRoutes(options: ServerOptions) {
  const { vault, logger } = options;
  const app = new Hono<ServerEnv>();
  const target = (c: { get(key: 'env'): string; req: { param(name: string): string | undefined } }) => ({
    env: c.get('env'),
    userId: c.req.param('userId') ?? '',
    accountId: c.req.param('accountId') ?? '',
  });

  // One user's accounts, for finding them by user.
  app.get('/', async (c) => {
    const { env, userId } = target(c);
    const accounts = await vault.listAccounts(env, userId, c.get('caller'));
    return c.json({ items: accounts.map((a) => ({ ...accountJson(a), userId })), nextCursor: null });
  });

  app.get('/:accountId', async (c) => {
    const account = target(c);
    const found = await vault.getAccount(account.env, account.userId, account.accountId, c.get('caller'));
    const events = await vault.listAccountEvents(account, c.get('caller'));
    return c.json({
      ...accountJson(found),
      userId: account.userId,
      events: events.map((e) => ({
        id: e.id,
        seq: e.seq,
        type: e.type,
        at: isoTime(e.createdAt),
        data: JSON.parse(e.payload).data ?? null,
      })),
    });
  });

  app.post('/:accountId/refresh', async (c) => {
    const account = target(c);
    const refreshed = await vault.forceRefresh(account, c.get('caller'));
    return c.json({ ...accountJson(refreshed), userId: account.userId });
  });

  app.delete('/:accountId', async (c) => {
    const result = await vault.disconnect(target(c), c.get('caller'));
    if (result.revocationError) {
      const fields = { requestId: c.get('requestId'), errorCode: result.revocationError.code };
      logger?.warn(fields, 'revocation at the provider failed');
    }
    return c.json(disconnectJson(result));
  });

  return app;
}
