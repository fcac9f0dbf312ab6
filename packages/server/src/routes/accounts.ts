import type { AccessToken, ConnectedAccount, DisconnectResult, TokenOptions } from '@tokenvault/core';
import { allowsSomewhere, VaultError } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import type { Logger } from '../logger.js';
import { requireServiceClient } from '../service-auth.js';

export const accessTokenBody = z
  .object({
    scopes: z.array(z.string().min(1)).max(100).optional(),
    minValiditySeconds: z.number().int().min(0).max(86_400).optional(),
  })
  .strict();

/** `/v1/users/{userId}/…` for service clients; the environment is the key's, the grants decide the rest. */
export function accountRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(vault));

  // Lists the accounts the client may read; a client that may read none anywhere is refused outright.
  app.get('/:userId/connected-accounts', async (c) => {
    if (!allowsSomewhere(c.get('principal'), 'connections:read')) {
      throw new VaultError('forbidden', 'no grant allows connections:read');
    }
    const accounts = await vault.listAccounts(c.get('principal').env, c.req.param('userId'), c.get('caller'));
    return c.json({ items: accounts.map(accountJson), nextCursor: null });
  });

  app.get('/:userId/connected-accounts/:accountId', async (c) => {
    const { userId, accountId } = c.req.param();
    const account = await vault.getAccount(c.get('principal').env, userId, accountId, c.get('caller'));
    return c.json(accountJson(account));
  });

  app.delete('/:userId/connected-accounts/:accountId', async (c) => {
    const { userId, accountId } = c.req.param();
    const result = await vault.disconnect({ env: c.get('principal').env, userId, accountId }, c.get('caller'));
    return c.json(disconnectJson(c, result, options.logger));
  });

  app.post('/:userId/connected-accounts/:accountId/access-token', async (c) => {
    const body = await tokenOptions(c.req.raw);
    const { userId, accountId } = c.req.param();
    const token = await vault.getAccessToken(
      { env: c.get('principal').env, userId, accountId, ...body },
      c.get('caller'),
    );
    c.header('cache-control', 'no-store');
    return c.json(tokenJson(token));
  });

  // The user's best account of the provider: healthy, holding the scopes, most recently linked (SPEC §5.3.2).
  app.post('/:userId/providers/:provider/access-token', async (c) => {
    const body = await tokenOptions(c.req.raw);
    const { userId, provider } = c.req.param();
    const request = { env: c.get('principal').env, userId, provider, ...body };
    const token = await vault.getProviderAccessToken(request, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(tokenJson(token));
  });

  return app;
}

/** A disconnect's answer; a failed revocation at the provider is logged (the credential is deleted anyway). */
export function disconnectJson(c: Context<ServerEnv>, result: DisconnectResult, logger: Logger | undefined) {
  const { revoked, revocationError } = result;
  if (revocationError) {
    logger?.warn(
      { requestId: c.get('requestId'), errorCode: revocationError.code },
      'revocation at the provider failed',
    );
  }
  return {
    deleted: true,
    revokedAtProvider: revoked,
    ...(revocationError && { revocationError: { error: revocationError.code, message: revocationError.message } }),
  };
}

export async function tokenOptions(request: Request): Promise<TokenOptions> {
  const body = accessTokenBody.safeParse(await jsonBody(request));
  if (!body.success) throw new VaultError('invalid_request', body.error.issues.map((i) => i.message).join('; '));
  return body.data;
}

export function tokenJson(token: AccessToken) {
  return {
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    expiresAt: isoTime(token.expiresAt),
    scopes: token.scopes,
    accountId: token.accountId,
  };
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

/** An account as every route answers it: each documented field named, so none leaks in or drops out unseen. */
export function accountJson(account: ConnectedAccount) {
  return {
    id: account.id,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    displayName: account.displayName,
    scopes: account.scopes,
    status: account.status,
    expiresAt: isoTime(account.expiresAt),
    lastRefreshedAt: isoTime(account.lastRefreshedAt),
    nextRefreshAt: isoTime(account.nextRefreshAt),
    lastError: account.lastError,
    metadata: account.metadata,
    createdAt: isoTime(account.createdAt),
    updatedAt: isoTime(account.updatedAt),
  };
}

export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
