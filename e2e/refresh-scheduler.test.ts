import { type AccountRow, OPERATOR, type RefreshResult, type Vault } from '@tokenvault/core';
import { createPostgresStore } from '@tokenvault/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessOptions, type InProcessVault, startInProcessVault } from './support/in-process-vault.js';
import { createTempDatabase } from './support/postgres.js';

const SLOW = 120_000;

/** The vault's clock, which `clock.offsetMs` moves for every instance. */
const vaultNow = (v: InProcessVault) => Date.now() + v.clock.offsetMs;
/** Moves the vault's clock so that it reads at least `at`; real time only moves it further. */
const moveClockTo = (v: InProcessVault, at: number) => {
  v.clock.offsetMs += Math.max(0, at - vaultNow(v));
};

/** Connects `login` through the popup flow and returns its stored row. */
async function linked(v: InProcessVault, login: string): Promise<AccountRow> {
  await v.connect(v.newJar(), login);
  const accounts = await v.vault.listAccounts('development', `demo:${login}`, OPERATOR);
  expect(accounts).toHaveLength(1);
  return (await v.store.getAccountById(accounts[0]?.id as string)) as AccountRow;
}

const stored = async (v: InProcessVault, id: string) => (await v.store.getAccountById(id)) as AccountRow;

// The scheduler (docs/reliability.md, "Refresh ahead and keep-alive"): due accounts are refreshed ahead of expiry by several processes sharing one
// database, no account is refreshed twice in a cycle, failures are recorded per account, and idle accounts
// get a keep-alive refresh.
describe.each(['sqlite', 'postgres'] as const)('refresh scheduler on %s', (storeKind) => {
  const cleanups: (() => Promise<unknown>)[] = [];

  /** A vault of its own (on PostgreSQL, over a database of its own), closed in afterAll. */
  async function openVault(options: InProcessOptions): Promise<InProcessVault> {
    if (storeKind === 'postgres') {
      const temp = await createTempDatabase();
      cleanups.push(temp.drop);
      options.openStore = () => createPostgresStore({ connectionString: temp.url });
    }
    const v = await startInProcessVault(options);
    cleanups.push(() => v.close());
    return v;
  }

  afterAll(async () => {
    // Close vaults before dropping their databases; keep going if one step fails.
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => failures.push(err));
    if (failures.length > 0) throw failures[0];
  });

  describe('due accounts', () => {
    let v: InProcessVault;
    // An hour-long token: its lead time (10%, at least 5 minutes) leaves a wide window between "due" and
    // "expired", so a slow machine connecting the accounts one by one cannot close it.
    beforeAll(async () => {
      v = await openVault({ accessTokenTtlSeconds: 3600 });
    }, SLOW);

    it(
      'refreshes every due account exactly once across three instances, before it expires',
      async () => {
        const logins = Array.from({ length: 12 }, (_, i) => `herd-${i}`);
        const before = new Map<string, AccountRow>();
        for (const login of logins) {
          const row = await linked(v, login);
          before.set(row.id, row);
        }
        const rows = [...before.values()];
        const dueAt = Math.max(...rows.map((r) => r.nextRefreshAt as number));
        const firstExpiry = Math.min(...rows.map((r) => r.expiresAt as number));
        expect(dueAt).toBeLessThan(firstExpiry - 60_000);
        moveClockTo(v, dueAt + 1_000);
        const cycleStart = vaultNow(v);
        for (const login of logins) {
          for (const account of await v.vault.listAccounts('development', `demo:${login}`, OPERATOR)) {
            expect(account.nextRefreshAt).toBeLessThan(cycleStart);
            expect(account.expiresAt).toBeGreaterThan(cycleStart);
          }
        }

        const instances: Vault[] = [v.vault, await v.twin(), await v.twin()];
        const grants = v.demo.stats.refreshGrants;
        const issued = v.demo.issuedRefreshTokens().length;
        const results: RefreshResult[][] = instances.map(() => []);
        for (let round = 1; ; round++) {
          expect(round, 'rounds until nothing is due').toBeLessThanOrEqual(20);
          const passes = await Promise.all(instances.map((i) => i.refreshDue({ limit: 4, concurrency: 3 })));
          for (const [i, pass] of passes.entries()) results[i]?.push(...pass);
          if (passes.every((pass) => pass.length === 0)) break;
        }
        const cycleEnd = vaultNow(v);

        const all = results.flat();
        expect(all.filter((r) => r.result !== 'refreshed')).toEqual([]);
        expect(all.map((r) => r.accountId).sort()).toEqual([...before.keys()].sort());
        expect(results.filter((r) => r.length > 0).length, 'instances that did work').toBeGreaterThan(1);
        expect(v.demo.stats.refreshGrants - grants).toBe(rows.length);
        expect(v.demo.issuedRefreshTokens().length - issued).toBe(rows.length);
        for (const old of rows) {
          const row = await stored(v, old.id);
          expect(row.version, 'one write per account: one refresh').toBe(old.version + 1);
          expect(row).toMatchObject({ status: 'active', failureCount: 0, leaseOwner: null });
          expect(row.lastRefreshedAt).toBeGreaterThanOrEqual(cycleStart);
          expect(row.lastRefreshedAt).toBeLessThan(old.expiresAt as number);
          expect(row.expiresAt).toBeGreaterThan(old.expiresAt as number);
          expect(row.nextRefreshAt).toBeGreaterThan(cycleEnd);
        }
        // Each refresh is audited once, by whichever instance made it, so the refresh history counts every process.
        const audited = await v.store.listAudit('development', {
          action: 'token.refresh',
          since: cycleStart,
          limit: 100,
        });
        expect(audited.map((r) => r.accountId).sort()).toEqual([...before.keys()].sort());
        for (const row of audited) {
          expect(row).toMatchObject({ principal: 'system', result: 'ok', detail: '{"trigger":"scheduled"}' });
        }
      },
      SLOW,
    );

    it(
      'records a revoked grant as needs_reauth and still refreshes the other due accounts',
      async () => {
        const revoked = await linked(v, 'gone');
        const healthy = [await linked(v, 'fine-0'), await linked(v, 'fine-1')];
        await v.demo.revokeAll('gone');
        moveClockTo(v, Math.max(...[revoked, ...healthy].map((r) => r.nextRefreshAt as number)) + 1_000);

        // Accounts of the first test may be due again by now; they belong to the same pass and must succeed too.
        const results = await v.vault.refreshDue({ limit: 50, concurrency: 3 });
        expect(results.filter((r) => r.accountId === revoked.id)).toEqual([
          { accountId: revoked.id, result: 'failed', code: 'needs_reauth' },
        ]);
        const [audited] = await v.store.listAudit('development', {
          action: 'token.refresh',
          userId: 'demo:gone',
          limit: 5,
        });
        expect(audited).toMatchObject({ accountId: revoked.id, principal: 'system', result: 'needs_reauth' });
        expect(results.filter((r) => r.accountId !== revoked.id).every((r) => r.result === 'refreshed')).toBe(true);
        for (const old of healthy) {
          expect(results).toContainEqual({ accountId: old.id, result: 'refreshed' });
          const row = await stored(v, old.id);
          expect(row).toMatchObject({ status: 'active', version: old.version + 1 });
          expect(row.expiresAt).toBeGreaterThan(old.expiresAt as number);
        }
        const [account] = await v.vault.listAccounts('development', 'demo:gone', OPERATOR);
        expect(account).toMatchObject({ status: 'needs_reauth', nextRefreshAt: null });
        expect(account?.lastError).toMatch(/invalid_grant/);
        // Out of the queue: the next pass leaves it alone.
        expect((await v.vault.refreshDue({ limit: 50, concurrency: 3 })).map((r) => r.accountId)).not.toContain(
          revoked.id,
        );
      },
      SLOW,
    );
  });

  describe('keep-alive', () => {
    const KEEP_ALIVE_MS = 600_000;
    let v: InProcessVault;
    // Day-long tokens would next be refreshed hours before expiry; keep-alive must bring that to 10 minutes.
    beforeAll(async () => {
      v = await openVault({ accessTokenTtlSeconds: 86_400, demoSpec: { keepAliveSeconds: 600 } });
    }, SLOW);

    it(
      'refreshes an idle account within keepAliveSeconds of obtaining its token, and schedules the next one',
      async () => {
        const linkedRow = await linked(v, 'idle');
        const first = linkedRow.nextRefreshAt as number;
        expect(first).toBeGreaterThan(linkedRow.obtainedAt);
        expect(first - linkedRow.obtainedAt).toBeLessThanOrEqual(KEEP_ALIVE_MS);
        expect(linkedRow.expiresAt as number).toBeGreaterThan(first + 12 * 3_600_000);

        const grants = v.demo.stats.refreshGrants;
        moveClockTo(v, first - 120_000);
        expect(await v.vault.refreshDue({ limit: 10, concurrency: 2 })).toEqual([]);
        expect(vaultNow(v), 'the pass ran before the keep-alive was due').toBeLessThan(first);
        expect(v.demo.stats.refreshGrants).toBe(grants);

        moveClockTo(v, first + 1_000);
        const passAt = vaultNow(v);
        expect(await v.vault.refreshDue({ limit: 10, concurrency: 2 })).toEqual([
          { accountId: linkedRow.id, result: 'refreshed' },
        ]);
        expect(v.demo.stats.refreshGrants).toBe(grants + 1);
        const row = await stored(v, linkedRow.id);
        expect(row.obtainedAt).toBeGreaterThanOrEqual(passAt);
        expect(row.lastRefreshedAt).toBeGreaterThanOrEqual(passAt);
        expect(row.nextRefreshAt).toBeGreaterThan(vaultNow(v));
        expect((row.nextRefreshAt as number) - row.obtainedAt).toBeLessThanOrEqual(KEEP_ALIVE_MS);
        expect(await v.vault.refreshDue({ limit: 10, concurrency: 2 })).toEqual([]);
      },
      SLOW,
    );
  });
});
