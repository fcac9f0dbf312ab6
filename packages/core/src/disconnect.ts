import { openToken, requireAccount } from './accounts.js';
import { VaultError } from './errors.js';
import { authorizationServer } from './oauth/authorization-server.js';
import { revokeToken } from './oauth/refresh.js';
import type { VaultContext } from './vault-context.js';

export interface DisconnectResult {
  /** Whether the provider confirmed revocation (false when it has no revocation endpoint or it failed). */
  revoked: boolean;
  /** Why revocation failed; the credential is deleted anyway. */
  revocationError?: VaultError;
}

/** Revokes at the provider where it can (RFC 7009), then deletes the credential whatever the provider said. */
export async function disconnect(
  ctx: VaultContext,
  env: string,
  userId: string,
  accountId: string,
): Promise<DisconnectResult> {
  const row = await requireAccount(ctx, env, userId, accountId);
  let result: DisconnectResult = { revoked: false };
  try {
    const provider = ctx.providers.get(row.env, row.provider);
    const as = await authorizationServer(provider, ctx.http);
    // Revoking the refresh token ends the whole grant at most providers; the access token is the fallback.
    const [token, hint] = row.refreshToken
      ? ([await openToken(ctx, row.id, 'refresh_token', row.refreshToken), 'refresh_token'] as const)
      : ([await openToken(ctx, row.id, 'access_token', row.accessToken), 'access_token'] as const);
    result = { revoked: await revokeToken(provider, as, ctx.http, token, hint) };
  } catch (err) {
    const revocationError =
      err instanceof VaultError ? err : new VaultError('internal', 'revocation failed', { cause: err });
    result = { revoked: false, revocationError };
  }
  await ctx.store.deleteAccount(env, userId, accountId);
  return result;
}
