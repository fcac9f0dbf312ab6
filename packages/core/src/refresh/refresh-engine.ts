import { isUsable, openToken, sealToken } from '../accounts/accounts.js';
import { type Actor, auditRow, SYSTEM } from '../authorization/audit.js';
import { mapConcurrently, sleep } from '../concurrency.js';
import { isVaultError, VaultError } from '../errors.js';
import { statusOutbox } from '../events/account-events.js';
import { authorizationServer } from '../oauth/authorization-server.js';
import { renewalTooEarly } from '../oauth/long-lived-token.js';
import { refreshTokens } from '../oauth/refresh.js';
import { mergeMetadata, refreshTokenExpiry, type TokenSet } from '../oauth/token-set.js';
import { paramsOf, withParams } from '../providers/provider-params.js';
import type { ProviderSpec } from '../providers/provider-spec.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import type { AccountStore, LeaseStore } from '../store.js';
import type { AccountChange, AccountRow } from '../store-rows.js';
import { redirectUri, type VaultContext } from '../vault-context.js';
import { backoffMs, nextRefreshAt, renewalPlan } from './refresh-schedule.js';

export type RefreshTrigger = 'on_demand' | 'scheduled';

/**
 * A row after an on-demand refresh. `accessToken` is the new token in plaintext when this process got it from the
 * provider, so the reads waiting on the refresh need not decrypt what was just encrypted; absent when another
 * writer's row answers (a refresh elsewhere, a re-link), which the reader decrypts as usual.
 */
export interface Refreshed {
  row: AccountRow;
  accessToken?: string;
}

/** What the scheduler did with one account. */
export type RefreshResult =
  | { accountId: string; result: 'refreshed' }
  | { accountId: string; result: 'failed'; code: string }
  | { accountId: string; result: 'skipped'; reason: string };

/**
 * Refreshes credentials exactly once across processes (docs/reliability.md, "The guarantees" and "The lease").
 *
 * A refresh needs the account's lease: an owner and an expiry on the row, taken and released in short
 * statements, so no transaction or pooled connection is held while the provider answers. Callers in this
 * process share one promise; callers in other processes poll the row until the lease holder's result appears.
 * Every write is a compare-and-swap on `version`, so a late refresh never overwrites a newer credential.
 */
export function createRefreshEngine(ctx: VaultContext<AccountStore & LeaseStore>) {
  const inFlight = new Map<string, Promise<Refreshed>>();

  /**
   * On demand: a row whose access token is newer than `seen`'s (see `Refreshed`), or throws why there is none.
   * `actor` is who the refresh's audit row names: the vault itself, or the operator who forced it.
   */
  function refresh(seen: AccountRow, actor: Actor = SYSTEM): Promise<Refreshed> {
    // The provider would refuse to renew a long-lived token this young (and the refusal would read as a dead grant).
    if (renewalTooEarly(specOf(seen), seen, ctx.now())) return Promise.resolve({ row: seen });
    let pending = inFlight.get(seen.id);
    if (!pending) {
      pending = refreshShared(seen, actor).finally(() => inFlight.delete(seen.id));
      inFlight.set(seen.id, pending);
    }
    return pending;
  }

  async function refreshShared(seen: AccountRow, actor: Actor): Promise<Refreshed> {
    const started = performance.now();
    const waited = () => ctx.metrics.leaseWait.observe({}, (performance.now() - started) / 1000);
    let row = seen;
    let delay = 20;
    for (;;) {
      if (row.accessToken !== seen.accessToken) {
        waited(); // someone else's refresh (or a re-link) landed while we looked
        return { row };
      }
      assertRefreshable(row, ctx.now());
      if (row.leaseExpiresAt === null || row.leaseExpiresAt <= ctx.now()) {
        const now = ctx.now();
        const leased = await ctx.store.acquireLease(row.id, ctx.instanceId, now, now + ctx.timing.leaseMs);
        if (leased) {
          waited();
          return refreshAfterAcquiring(leased, seen, actor);
        }
      }
      if (performance.now() - started > ctx.timing.waitMs) {
        throw new VaultError('provider_unavailable', 'another refresh of this account is taking too long', {
          retryAfter: 1,
        });
      }
      // Wait without holding a connection, then look again: a waiter holding a pooled connection would starve every other account.
      await sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, 500);
      const current = await ctx.store.getAccountById(seen.id);
      if (!current) throw new VaultError('not_found', 'the account was disconnected');
      row = current;
    }
  }

  /** Re-read under the lease: someone may have refreshed between our read and our acquiring it. */
  async function refreshAfterAcquiring(leased: AccountRow, seen: AccountRow, actor: Actor): Promise<Refreshed> {
    if (leased.accessToken !== seen.accessToken) {
      await ctx.store.releaseLease(leased.id, ctx.instanceId);
      return { row: leased };
    }
    try {
      assertRefreshable(leased, ctx.now());
    } catch (err) {
      await ctx.store.releaseLease(leased.id, ctx.instanceId);
      throw err;
    }
    return refreshLeased(leased, 'on_demand', actor);
  }

  /** With the lease held: ask the provider, then commit the new token set before anyone sees it. */
  async function refreshLeased(row: AccountRow, trigger: RefreshTrigger, actor: Actor): Promise<Refreshed> {
    let provider: ConfiguredProvider;
    let tokens: TokenSet;
    try {
      const configured = ctx.providers.get(row.env, row.provider);
      provider = withParams(configured, paramsOf(configured.spec, row.metadata));
      // A long-lived token (Instagram, Threads) renews itself: the access token is what is sent.
      const renewsItself = configured.spec.longLivedToken !== undefined;
      const sealed = renewsItself ? row.accessToken : row.refreshToken;
      if (!sealed) throw new VaultError('needs_reauth', 'the provider gave no refresh token');
      // The provider said when the refresh token dies (the spec's `refreshTokenExpiresIn`): past that, asking is
      // pointless and some providers do not answer with a clear invalid_grant, so the account waits for a reconnect.
      const refreshExpiry = refreshTokenExpiry(row.metadata);
      if (refreshExpiry !== undefined && refreshExpiry <= ctx.now()) {
        throw new VaultError('needs_reauth', 'the refresh token expired; the account must be connected again');
      }
      const credential = await openToken(ctx, row.id, renewsItself ? 'access_token' : 'refresh_token', sealed);
      const as = await authorizationServer(provider, ctx.http);
      const sent = performance.now();
      try {
        const redirect = redirectUri(ctx.publicUrl, row.provider);
        tokens = await refreshTokens(provider, as, ctx.http, credential, row.scopes, ctx.now(), redirect);
      } finally {
        const seconds = (performance.now() - sent) / 1000;
        ctx.metrics.providerLatency.observe({ provider: row.provider, operation: 'refresh' }, seconds);
      }
    } catch (err) {
      return recordFailure(row, trigger, actor, err);
    }
    return commitRefresh(row, provider, tokens, trigger, actor);
  }

  async function commitRefresh(
    row: AccountRow,
    provider: ConfiguredProvider,
    tokens: TokenSet,
    trigger: RefreshTrigger,
    actor: Actor,
  ): Promise<Refreshed> {
    const now = ctx.now();
    const refreshToken = tokens.refreshToken
      ? await sealToken(ctx, row.id, 'refresh_token', tokens.refreshToken)
      : row.refreshToken; // providers often omit it on refresh: never replace it with nothing
    const metadata = mergeMetadata(row.metadata, tokens);
    const change: AccountChange = {
      accessToken: await sealToken(ctx, row.id, 'access_token', tokens.accessToken),
      refreshToken,
      idToken: tokens.idToken ? await sealToken(ctx, row.id, 'id_token', tokens.idToken) : row.idToken,
      scopes: tokens.scopes ?? row.scopes,
      metadata,
      tokenType: tokens.tokenType,
      obtainedAt: tokens.obtainedAt,
      expiresAt: tokens.expiresAt,
      status: 'active',
      lastError: null,
      failureCount: 0,
      lastRefreshedAt: now,
      nextRefreshAt: nextRefreshAt(
        renewalPlan(provider.spec, tokens, refreshToken !== null, metadata),
        provider.spec.keepAliveSeconds,
      ),
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: now,
    };
    const after: AccountRow = { ...row, ...change, version: row.version + 1 };
    const outbox = statusOutbox(ctx, row, after, SYSTEM);
    // The provider may have rotated the refresh token: this process now holds the only copy of the new one, so
    // a failing write is retried for as long as the lease lasts rather than given up.
    const deadline = performance.now() + ctx.timing.leaseMs;
    for (let attempt = 1; ; attempt++) {
      try {
        if (await ctx.store.updateAccount(row.id, row.version, change, outbox)) {
          ctx.metrics.refreshes.inc({ provider: row.provider, trigger, result: 'refreshed' });
          await audit(row, actor, trigger, 'ok');
          return { row: after, accessToken: tokens.accessToken };
        }
        // Another writer won (a re-link, or a takeover after our lease ran out): its credential is newer.
        ctx.metrics.refreshes.inc({ provider: row.provider, trigger, result: 'superseded' });
        await ctx.store.releaseLease(row.id, ctx.instanceId);
        const current = await ctx.store.getAccountById(row.id);
        if (!current) throw new VaultError('not_found', 'the account was disconnected during the refresh');
        return { row: current };
      } catch (err) {
        if (isVaultError(err)) throw err;
        if (performance.now() >= deadline) {
          ctx.log.error({ accountId: row.id, attempt }, 'could not store a refreshed token set; giving up');
          await audit(row, actor, trigger, 'internal');
          throw new VaultError('internal', 'the refreshed credential could not be stored', { cause: err });
        }
        ctx.log.warn({ accountId: row.id, attempt }, 'storing a refreshed token set failed; retrying');
        await sleep(Math.min(100 * 2 ** attempt, 2_000));
      }
    }
  }

  /** Classifies a failed refresh (docs/reliability.md, "Failure classes"), records it on the account, and throws what the caller should see. */
  async function recordFailure(
    row: AccountRow,
    trigger: RefreshTrigger,
    actor: Actor,
    err: unknown,
  ): Promise<Refreshed> {
    const error = isVaultError(err) ? err : new VaultError('internal', 'the refresh failed', { cause: err });
    const labels = { provider: row.provider, trigger };
    const fields = { accountId: row.id, provider: row.provider, env: row.env, error: error.message };
    if (error.code === 'needs_reauth') {
      // If the stored credential changed while we asked, our refresh token was simply old: a race, not a death.
      const current = await ctx.store.getAccountById(row.id);
      if (current && current.version !== row.version) {
        ctx.metrics.refreshes.inc({ ...labels, result: 'superseded' });
        await ctx.store.releaseLease(row.id, ctx.instanceId);
        return { row: current };
      }
      ctx.metrics.refreshes.inc({ ...labels, result: 'needs_reauth' });
      ctx.log.warn(fields, 'the provider no longer honours this grant; the account needs to be connected again');
      await record(row, { status: 'needs_reauth', lastError: error.message, failureCount: 0, nextRefreshAt: null });
      await audit(row, actor, trigger, error.code);
      throw error;
    }
    if (error.code === 'provider_unavailable' || error.code === 'provider_error') {
      const configuration = error.code === 'provider_error';
      const failures = row.failureCount + 1;
      const wait = backoffMs(failures, error.retryAfter);
      ctx.metrics.refreshes.inc({ ...labels, result: configuration ? 'config_error' : 'transient' });
      if (!inLogBackoff(failures)) {
        const logged = { ...fields, failures, retryInMs: wait };
        if (configuration) ctx.log.error(logged, 'the provider rejected the refresh; check the provider configuration');
        else ctx.log.warn(logged, 'the provider is unavailable; the credential is kept');
      }
      await record(row, {
        status: configuration ? 'error' : row.status,
        lastError: error.message,
        failureCount: failures,
        nextRefreshAt: ctx.now() + wait,
      });
      await audit(row, actor, trigger, error.code);
      throw new VaultError(error.code, error.message, { retryAfter: Math.ceil(wait / 1000), cause: error });
    }
    // Our side failed (the credential does not decrypt, the provider is no longer configured, a bug): the account
    // is in error, loudly, and backs off like any failure instead of being retried on every scheduler pass.
    ctx.metrics.refreshes.inc({ ...labels, result: 'internal_error' });
    if (!inLogBackoff(row.failureCount + 1)) {
      ctx.log.error(
        { ...fields, errorCode: error.code, failures: row.failureCount + 1 },
        'the refresh failed on the vault side',
      );
    }
    await record(row, {
      status: 'error',
      lastError: error.message,
      failureCount: row.failureCount + 1,
      nextRefreshAt: ctx.now() + backoffMs(row.failureCount + 1),
    });
    await audit(row, actor, trigger, error.code);
    throw error;
  }

  /**
   * One audit row per refresh the provider answered (or that failed on our side): `token.refresh`, `ok` or the
   * error code, so the refresh history counts every process. It goes through the group-committing audit writer,
   * so a scheduler pass's rows share inserts; the credential is already stored, so a failed write is only logged.
   */
  async function audit(row: AccountRow, actor: Actor, trigger: RefreshTrigger, result: string): Promise<void> {
    const entry = {
      env: row.env,
      action: 'token.refresh',
      result,
      userId: row.userId,
      provider: row.provider,
      accountId: row.id,
      detail: { trigger },
    };
    try {
      await ctx.audit.record(auditRow(actor, ctx.now(), entry));
    } catch (err) {
      ctx.log.error({ err, accountId: row.id }, 'could not write the audit row of a refresh');
    }
  }

  /** Writes a failure's outcome and releases the lease; if another writer won meanwhile, only the lease goes. */
  async function record(row: AccountRow, change: AccountChange): Promise<void> {
    const full: AccountChange = { ...change, leaseOwner: null, leaseExpiresAt: null, updatedAt: ctx.now() };
    const after: AccountRow = { ...row, ...full, version: row.version + 1 };
    if (!(await ctx.store.updateAccount(row.id, row.version, full, statusOutbox(ctx, row, after, SYSTEM)))) {
      await ctx.store.releaseLease(row.id, ctx.instanceId);
    }
  }

  /** One scheduler pass: claims due accounts and refreshes them with bounded concurrency. Never throws. */
  async function refreshDue(options: Batch): Promise<RefreshResult[]> {
    const now = ctx.now();
    let claimed: AccountRow[];
    try {
      claimed = await ctx.store.claimDueAccounts(ctx.instanceId, now, now + ctx.timing.leaseMs, options.limit);
    } catch (err) {
      ctx.log.error({ err }, 'the scheduler could not claim due accounts');
      return [];
    }
    for (const row of claimed) {
      ctx.metrics.schedulerLag.observe({}, Math.max(0, now - (row.nextRefreshAt ?? now)) / 1000);
    }
    // Once the process is stopping, accounts not begun keep their lease until `releaseLeases` gives it back.
    const results = await mapConcurrently(claimed, options.concurrency, async (row) =>
      options.stopping?.() ? { accountId: row.id, result: 'skipped' as const, reason: STOPPING } : refreshClaimed(row),
    );
    for (const { result } of results) ctx.metrics.schedulerResults.inc({ result });
    return results;
  }

  async function refreshClaimed(claimed: AccountRow): Promise<RefreshResult> {
    try {
      // The batch was leased at claim time; each refresh gets a whole lease from its own start, so a slow
      // provider late in a batch cannot outlast the lease and let another process refresh the same account.
      const now = ctx.now();
      const row = await ctx.store.renewLease(claimed.id, ctx.instanceId, now, now + ctx.timing.leaseMs);
      if (!row) return { accountId: claimed.id, result: 'skipped', reason: 'the lease ran out before its turn' };
      const skip = skipReason(row);
      if (skip) {
        // Out of the queue until something (a re-link, a configuration change and restart) schedules it again.
        await record(row, { nextRefreshAt: null });
        return { accountId: row.id, result: 'skipped', reason: skip };
      }
      await refreshLeased(row, 'scheduled', SYSTEM);
      return { accountId: row.id, result: 'refreshed' };
    } catch (err) {
      return { accountId: claimed.id, result: 'failed', code: isVaultError(err) ? err.code : 'internal' };
    }
  }

  function skipReason(row: AccountRow): string | undefined {
    if (!isUsable(row.status)) return `the account is ${row.status}`;
    const spec = specOf(row);
    if (!spec) return 'the provider is not configured';
    if (!row.refreshToken && !spec.longLivedToken) return 'no refresh token';
    return undefined;
  }

  function specOf(row: AccountRow): ProviderSpec | undefined {
    try {
      return ctx.providers.get(row.env, row.provider).spec;
    } catch {
      return undefined;
    }
  }

  /** Resolves once no on-demand refresh of this process is in flight (scheduled ones end with their pass). */
  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  }

  return { refresh, refreshDue, settle };
}

/** A batch of background work; `stopping` turns the items not begun yet into skips. */
export interface Batch {
  limit: number;
  concurrency: number;
  stopping?: () => boolean;
}

const STOPPING = 'the process is stopping';

export type RefreshEngine = ReturnType<typeof createRefreshEngine>;

/** Refusals that need no provider call: a dead grant, or a failure whose back-off has not passed yet. */
function assertRefreshable(row: AccountRow, now: number): void {
  if (!isUsable(row.status)) {
    throw new VaultError('needs_reauth', 'the account must be connected again');
  }
  if (row.failureCount > 0 && row.nextRefreshAt !== null && row.nextRefreshAt > now) {
    const code = row.status === 'error' ? 'provider_error' : 'provider_unavailable';
    throw new VaultError(code, row.lastError ?? 'the last refresh failed', {
      retryAfter: Math.ceil((row.nextRefreshAt - now) / 1000),
    });
  }
}

/**
 * One failure episode logs its 1st, 2nd, 4th, 8th… failure: an account failing on every read or scheduler pass
 * says so once and then ever more rarely, instead of a line per attempt. Its status and `lastError` keep it all.
 */
export function inLogBackoff(failures: number): boolean {
  return failures > 0 && (failures & (failures - 1)) !== 0;
}
