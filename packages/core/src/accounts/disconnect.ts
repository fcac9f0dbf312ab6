import { type Caller, resources, type Segment } from '../authorization/grants.js';
import { VaultError } from '../errors.js';
import { accountOutbox } from '../events/account-events.js';
import { authorizationServer } from '../oauth/authorization-server.js';
import { revokeToken } from '../oauth/refresh.js';
import { paramsOf, withParams } from '../providers/provider-params.js';
import type { AccountStore } from '../store.js';
import type { AccountRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { authorizedAccount, openToken } from './accounts.js';

export interface DisconnectResult {
  /** Whether the provider confirmed revocation (false when it has no revocation endpoint or it failed). */
  revoked: boolean;
  /** Why revocation failed; the credential is deleted anyway. */
  revocationError?: VaultError;
}

/** Revokes at the provider where it can (RFC 7009), then deletes the credential whatever the provider said. */
export async function disconnect(
  ctx: VaultContext<AccountStore>,
  account: { env: string; userId: string; accountId: string },
  caller: Caller,
): Promise<DisconnectResult> {
  const { env, userId, accountId } = account;
  const resourceOf = (provider: Segment) => resources.account(env, provider, userId);
  const row = await authorizedAccount(ctx, caller, 'connections:delete', resourceOf, account);
  let result: DisconnectResult = { revoked: false };
  try {
    const configured = ctx.providers.get(row.env, row.provider);
    const provider = withParams(configured, paramsOf(configured.spec, row.metadata));
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
  // Deleted with its event in one transaction, compare-and-swap like every write: if a refresh lands
  // meanwhile, read again and delete that. The event's seq sorts it after every earlier event of the account.
  let current: AccountRow | undefined = row;
  for (let attempt = 0; current; attempt++) {
    if (attempt === 5) throw new VaultError('conflict', 'the account kept changing; try disconnecting again');
    const outbox = accountOutbox(ctx, { ...current, version: current.version + 1 }, 'account.disconnected', caller);
    if (await ctx.store.deleteAccount(env, userId, accountId, current.version, outbox)) break;
    current = await ctx.store.getAccount(env, userId, accountId);
  }
  return result;
}
