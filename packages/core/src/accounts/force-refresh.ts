import { auditRow } from '../authorization/audit.js';
import { type Caller, resources, type Segment } from '../authorization/grants.js';
import { isVaultError } from '../errors.js';
import type { RefreshEngine } from '../refresh/refresh-engine.js';
import type { AccountStore, LeaseStore } from '../store.js';
import type { VaultContext } from '../vault-context.js';
import { authorizedAccount, type ConnectedAccount, toConnectedAccount } from './accounts.js';

/**
 * An operator's "refresh now": the refresh engine's on-demand refresh (lease, exactly once), whatever the expiry.
 * Audited as `account.refresh`, and the refresh itself as `token.refresh` naming the caller; the token never
 * leaves, only the account's new state does.
 */
export async function forceRefresh(
  ctx: VaultContext<AccountStore & LeaseStore>,
  engine: RefreshEngine,
  account: { env: string; userId: string; accountId: string },
  caller: Caller,
): Promise<ConnectedAccount> {
  const resourceOf = (provider: Segment) => resources.account(account.env, provider, account.userId);
  const row = await authorizedAccount(ctx, caller, 'connections:refresh', resourceOf, account);
  const record = (result: string) =>
    ctx.audit.record(
      auditRow(caller, ctx.now(), {
        env: account.env,
        action: 'account.refresh',
        result,
        userId: account.userId,
        provider: row.provider,
        accountId: row.id,
      }),
    );
  try {
    const { row: refreshed } = await engine.refresh(row, caller);
    await record('ok');
    return toConnectedAccount(refreshed);
  } catch (err) {
    await record(isVaultError(err) ? err.code : 'internal');
    throw err;
  }
}
