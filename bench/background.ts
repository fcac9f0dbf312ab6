import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cipher } from '@tokenvault/core';
import { aad, buildProviderSpec, createCipher, createProviderRegistry, createVault } from '@tokenvault/core';
import { oauth2 } from '@tokenvault/providers';
import { createPostgresStore } from '@tokenvault/store-postgres';
import type { Database } from '@tokenvault/store-sql';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { createTempDatabase } from '../e2e/support/postgres.js';
import { check, type Section } from './report.js';
import type { StoreKind } from './vault-process.js';

export const BENCH_ENV = 'development';
export const BENCH_PROVIDER = 'fake';
const BATCH = { limit: 500, concurrency: 64 };
// PostgreSQL's `Index [Only] Scan [Backward] using …` and SQLite's `USING [COVERING] INDEX …`.
const INDEX_IN_PLAN =
  /(Index (Only )?Scan (Backward )?using|USING (COVERING )?INDEX) connected_accounts_next_refresh_at /;

/**
 * Account `i` of the benchmark: its id (of the shape `randomId('ca')` gives, or the vault answers 404 unasked) and
 * user; its stored tokens are `at-{i}` and `rt-{i}`.
 */
export const benchAccount = (i: number) => ({ id: `ca_bench_${String(i).padStart(16, '0')}`, userId: `user-${i}` });

/**
 * Stores `count` accounts straight into the table, 1,000 rows a statement, with real ciphertext bound to each
 * row and column, so that reading or refreshing one really decrypts it.
 */
export async function insertAccounts(
  db: Kysely<Database>,
  cipher: Cipher,
  count: number,
  times: { now: number; expiresAt: number; nextRefreshAt: (i: number) => number },
): Promise<void> {
  const seal = (id: string, column: string, value: string) =>
    cipher.encrypt(value, aad('connected_accounts', id, column));
  for (let from = 0; from < count; from += 1000) {
    const rows = await Promise.all(
      Array.from({ length: Math.min(1000, count - from) }, async (_, k) => {
        const i = from + k;
        const { id, userId } = benchAccount(i);
        return {
          ...{ id, env: BENCH_ENV, user_id: userId, provider: BENCH_PROVIDER, provider_account_id: String(i) },
          ...{ scopes: '', status: 'active', version: 1, token_type: 'bearer', failure_count: 0 },
          access_token: await seal(id, 'access_token', `at-${i}`),
          refresh_token: await seal(id, 'refresh_token', `rt-${i}`),
          obtained_at: times.now - 3_000_000,
          expires_at: times.expiresAt,
          created_at: times.now,
          updated_at: times.now,
          next_refresh_at: times.nextRefreshAt(i),
        };
      }),
    );
    await db.insertInto('connected_accounts').values(rows).execute();
  }
}

/**
 * Background refresh (docs/benchmarks.md): N due accounts refreshed by `vault.refreshDue` passes against a local token
 * endpoint that counts its calls; every result must be `refreshed`, and the claim query must walk the index.
 */
export async function background(options: { smoke: boolean }): Promise<Section[]> {
  const count = options.smoke ? 500 : 100_000;
  return [await refreshAll('postgres', count), await refreshAll('sqlite', count)];
}

async function refreshAll(kind: StoreKind, count: number): Promise<Section> {
  // Two vault instances claim side by side as two processes would, on PostgreSQL; on SQLite a second connection
  // in the same process could only wait for the single writer.
  const target = await openDatabase(kind, kind === 'postgres' ? 2 : 1);
  let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>> | undefined;
  try {
    endpoint = await startTokenEndpoint();
    const { url } = endpoint;
    const cipher = await createCipher([crypto.getRandomValues(new Uint8Array(32))]);
    const spec = buildProviderSpec(oauth2, {
      ...{ id: BENCH_PROVIDER, displayName: 'Fake', authorizeUri: `${url}/authorize`, tokenUri: `${url}/token` },
      account: { userInfoUri: `${url}/me` },
    });
    const provider = { env: BENCH_ENV, id: BENCH_PROVIDER, spec, clientId: 'vault', clientSecret: 'bench', scopes: [] };
    const providers = createProviderRegistry({ [BENCH_ENV]: [provider] });
    await target.stores[0]?.migrate();
    const now = Date.now();
    const filling = performance.now();
    const nextRefreshAt = (i: number) => now - 60_000 - count + i; // all due, in a definite order
    await insertAccounts(target.db, cipher, count, { now, expiresAt: now + 60_000, nextRefreshAt });
    const fillSeconds = (performance.now() - filling) / 1000;
    const plan = await explainClaim(kind, target.db);

    const outcomes = new Map<string, number>();
    const started = performance.now();
    const drain = async (vault: ReturnType<typeof createVault>) => {
      for (let results = await vault.refreshDue(BATCH); results.length > 0; results = await vault.refreshDue(BATCH)) {
        for (const r of results) {
          const key = r.result === 'refreshed' ? r.result : `${r.result} (${'code' in r ? r.code : r.reason})`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        }
      }
    };
    await Promise.all(
      target.stores.map((store) => drain(createVault({ store, cipher, providers, publicUrl: 'http://127.0.0.1:9' }))),
    );
    const seconds = (performance.now() - started) / 1000;
    const refreshed = outcomes.get('refreshed') ?? 0;
    const failures = [...outcomes.values()].reduce((a, b) => a + b, 0) - refreshed;
    const calls = endpoint.calls();
    const usesIndex = INDEX_IN_PLAN.test(plan) ? 1 : 0;
    return {
      name: `background refresh (${kind})`,
      figures: [
        { name: 'refreshes/s', value: refreshed / seconds, unit: 'refresh/s' },
        { name: 'time to refresh all', value: seconds, unit: 's' },
        { name: 'failures', value: failures, unit: 'accounts', target: '== 0', pass: check(failures, '== 0') },
        { name: 'token endpoint calls', value: calls, unit: 'calls', target: `== ${count}`, pass: calls === count },
        { name: 'claim query uses index', value: usesIndex, unit: 'yes=1', target: '== 1', pass: usesIndex === 1 },
      ],
      notes: [
        `${count} due accounts (stored in ${fillSeconds.toFixed(1)} s); ${target.stores.length} vault instance(s) ` +
          `in this process, each running refreshDue(${JSON.stringify(BATCH)}) until a pass finds nothing due`,
        `results: ${[...outcomes].map(([key, n]) => `${key} ${n}`).join(', ') || 'none'}`,
        `plan of the claim statement with every account due, after ANALYZE:\n${plan}`,
      ],
    };
  } finally {
    await endpoint?.close();
    await target.close();
  }
}

/** A fresh database: one store per vault instance, a Kysely handle to fill and explain it, and its cleanup. */
async function openDatabase(kind: StoreKind, instances: number) {
  const temp = kind === 'postgres' ? await createTempDatabase() : undefined;
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-bench-'));
  const filename = join(dir, 'vault.db');
  const stores = Array.from({ length: instances }, () =>
    temp ? createPostgresStore({ connectionString: temp.url, maxConnections: 20 }) : createSqliteStore({ filename }),
  );
  // Both connect lazily, after the first store has created the schema.
  const dialect = temp
    ? new PostgresDialect({ pool: quietPool(temp.url) })
    : new SqliteDialect({ database: async () => new SQLite(filename) });
  const db = new Kysely<Database>({ dialect });
  return {
    stores,
    db,
    async close() {
      for (const store of stores) await store.close();
      await db.destroy();
      await temp?.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The plan of the store's claim statement (`claimDueAccounts`), written out by hand. */
async function explainClaim(kind: StoreKind, db: Kysely<Database>): Promise<string> {
  await sql`ANALYZE connected_accounts`.execute(db);
  const now = sql.lit(Date.now());
  const claim = sql`UPDATE connected_accounts SET lease_owner = 'explain', lease_expires_at = ${now}
    WHERE id IN (SELECT id FROM connected_accounts WHERE next_refresh_at <= ${now}
      AND (lease_expires_at IS NULL OR lease_expires_at <= ${now}) ORDER BY next_refresh_at
      LIMIT ${sql.lit(BATCH.limit)} ${kind === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``}) RETURNING *`;
  const explain = kind === 'postgres' ? sql`EXPLAIN` : sql`EXPLAIN QUERY PLAN`;
  const { rows } = await sql<{ 'QUERY PLAN'?: string; detail?: string }>`${explain} ${claim}`.execute(db);
  return rows.map((row) => row['QUERY PLAN'] ?? row.detail).join('\n');
}

/** A token endpoint that answers every refresh_token grant with a fresh token set, and counts its calls. */
async function startTokenEndpoint() {
  let calls = 0;
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    const n = ++calls;
    // The refresh token reads `rt-…` only if the vault really decrypted what was stored.
    const ok = form.get('grant_type') === 'refresh_token' && form.get('refresh_token')?.startsWith('rt-');
    const answer = ok
      ? { access_token: `at-new-${n}`, token_type: 'bearer', expires_in: 3600, refresh_token: `rt-new-${n}` }
      : { error: 'invalid_grant' };
    response.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * `pool.end()` resolves before its clients' sockets have closed, so the `DROP DATABASE … WITH (FORCE)` that follows
 * can terminate a connection still closing; without a listener that error would crash the run.
 */
function quietPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('error', () => {});
  return pool;
}
