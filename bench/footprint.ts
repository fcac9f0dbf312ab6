import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCipher, createProviderRegistry, createVault, OPERATOR } from '@tokenvault/core';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import type { Database } from '@tokenvault/store-sql';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { type FrontDoor, openFrontDoor } from '../e2e/support/front-door.js';
import { sleep } from '../e2e/support/net.js';
import { BENCH_ENV, BENCH_PROVIDER, benchAccount, insertAccounts } from './background.js';
import { load } from './load.js';
import { check, type Section } from './report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/tokenvault.js');
const DAY = 24 * 60 * 60 * 1000;
/** Token reads served before RSS is measured, spread over the stored accounts. */
const READS = 10;

/**
 * Footprint (docs/benchmarks.md), SQLite: compiled `tokenvault serve` start to ready, idle RSS, RSS after a token-read load
 * against idle, and RSS after token reads on a database holding many accounts against the same reads on a
 * database holding only the accounts read.
 */
export async function footprint(options: { smoke: boolean; memory?: boolean }): Promise<Section> {
  const accounts = options.smoke ? 1_000 : 100_000;
  const starts = options.smoke ? 1 : 3;
  const settleMs = options.smoke ? 200 : 1_000;
  /** `serve` gives a burst's memory back once 10 s pass without a request (cli/src/idle-memory.ts): read after that. */
  const afterLoadMs = options.smoke ? 200 : 12_000;
  /** And once more later, to see it stays there. */
  const laterMs = options.smoke ? 200 : 20_000;
  const loadSeconds = options.smoke ? 1 : 30;
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-bench-'));
  // The public URL (the service JWTs' audience) is a door bound first; each server listens on a port of its own
  // (--port 0) and the door forwards to it (e2e/support/front-door.ts). Requests go to the server's own address.
  const door: FrontDoor = await openFrontDoor();
  try {
    const small = await prepareDatabase(join(dir, 'small'), READS, door.url);
    const large = await prepareDatabase(join(dir, 'large'), accounts, door.url);
    const readyMs: number[] = [];
    for (let run = 1; run < starts; run++) readyMs.push(await withServer(small.config, door, async (s) => s.readyMs));
    const probe = options.memory ? join(dir, 'memory.jsonl') : undefined;
    const breakdowns: Array<[string, MemoryBreakdown]> = [];
    const [idle, baseline, afterLoad, later] = await withServer(
      small.config,
      door,
      async (server) => {
        readyMs.push(server.readyMs);
        await sleep(settleMs);
        const before = await server.rss();
        if (probe) breakdowns.push(['idle', await server.breakdown()]);
        await readTokens(server.url, small.jwt, READS);
        await sleep(settleMs);
        const read = await server.rss();
        await loadTokenReads(server.url, small.jwt, loadSeconds);
        await sleep(afterLoadMs);
        const loaded = await server.rss();
        if (probe) breakdowns.push(['after the load', await server.breakdown()]);
        await sleep(laterMs - afterLoadMs);
        const last = await server.rss();
        if (probe) breakdowns.push([`${laterMs / 1000} s later`, await server.breakdown()]);
        return [before, read, loaded, last];
      },
      probe,
    );
    const loaded = await withServer(large.config, door, async (server) => {
      await readTokens(server.url, large.jwt, accounts);
      await sleep(settleMs);
      return server.rss();
    });
    const bare = await runtimeRss(settleMs);
    const ready = [...readyMs].sort((a, b) => a - b)[Math.floor(readyMs.length / 2)] as number;
    const ratio = loaded / baseline;
    const judge = (value: number, target: string) => ({ target, pass: check(value, target) });
    const growth = `RSS growth with ${accounts} accounts`;
    return {
      name: 'footprint (sqlite)',
      figures: [
        { name: 'start to ready', value: ready, unit: 'ms', ...judge(ready, '<= 500') },
        { name: 'idle RSS', value: idle, unit: 'MB', baseline: bare, ratio: idle / bare, ...judge(idle, '<= 80') },
        {
          name: `RSS after ${loadSeconds} s of token reads`,
          value: afterLoad,
          unit: 'MB',
          baseline: idle,
          ratio: afterLoad / idle,
          ...judge(afterLoad / idle, '<= 1.2'),
        },
        {
          name: `RSS ${laterMs / 1000} s after the load`,
          value: later,
          unit: 'MB',
          baseline: idle,
          ratio: later / idle,
        },
        { name: growth, value: loaded - baseline, unit: 'MB', baseline, ratio, ...judge(ratio, '<= 1.2') },
      ],
      notes: [
        `start to ready: spawning \`tokenvault serve --config --port 0\` to the first 200 from /readyz, polled every 5 ms; ` +
          `runs ${readyMs.map((ms) => ms.toFixed(0)).join(', ')} ms (median shown), on a migrated database`,
        `idle RSS: ${settleMs} ms after ready, before any request, on a database holding ${READS} accounts; ` +
          'baseline: a bare Node process that idles (the bin runs the bundle, no loader)',
        `RSS after load: ${afterLoadMs} ms after ${loadSeconds} s of token reads (10 connections, one account) on the ` +
          `idle server above; ratio = RSS / idle RSS; read again ${laterMs / 1000} s after the load (no target)`,
        `RSS growth: RSS after ${READS} token reads spread over ${accounts} stored accounts, minus the RSS after ` +
          `the same reads on a database holding only those ${READS} (the baseline); ratio = RSS / baseline`,
        'the config says refreshAhead: false and no stored account is due for 23 h, so nothing is refreshed',
        ...breakdowns.map(([when, memory]) => describeBreakdown(when, memory)),
      ],
    };
  } finally {
    await door.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A migrated SQLite database with an admin client and `count` accounts, and a config serving it at `publicUrl`. */
async function prepareDatabase(dir: string, count: number, publicUrl: string) {
  await mkdir(dir);
  const filename = join(dir, 'vault.db');
  const masterKey = crypto.getRandomValues(new Uint8Array(32));
  const cipher = await createCipher([masterKey]);
  // Nothing here outlives a failure but the files, which footprint() removes.
  const store = createSqliteStore({ filename });
  await store.migrate();
  const vault = createVault({ store, cipher, providers: createProviderRegistry({ [BENCH_ENV]: [] }), publicUrl });
  const { accessKey } = await vault.clients.create(
    { env: BENCH_ENV, name: 'bench', grants: [{ role: 'admin' }] },
    OPERATOR,
  );
  const jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });
  await store.close();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(filename) }) });
  const now = Date.now();
  await insertAccounts(db, cipher, count, { now, expiresAt: now + DAY, nextRefreshAt: () => now + DAY - 3_600_000 });
  await db.destroy();
  // The provider is never called (nothing is due); its endpoints only have to be valid.
  const config = join(dir, 'tokenvault.yaml');
  const fake = 'http://127.0.0.1:9';
  await writeFile(
    config,
    `publicUrl: ${publicUrl}
database: sqlite:${filename}
masterKey: ${Buffer.from(masterKey).toString('base64')}
refreshAhead: false
environments:
  ${BENCH_ENV}:
    providers:
      ${BENCH_PROVIDER}: { preset: oauth2, clientId: vault, clientSecret: bench, account: { userInfoUri: ${fake}/me },
        authorizeUri: ${fake}/authorize, tokenUri: ${fake}/token }
`,
  );
  return { config, jwt };
}

/**
 * `readyMs`: from spawn to the first 200 from /readyz; `rss()`: resident set size in MB, from /proc; `breakdown()`:
 * what it is made of, from the server's memory probe (only when it was started with one).
 */
type Server = { url: string; readyMs: number; rss(): Promise<number>; breakdown(): Promise<MemoryBreakdown> };

/** What bench/memory-probe.mjs reports, in MB. */
interface MemoryBreakdown {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  v8Resident: number;
  spaces: Record<string, { committed: number; used: number; resident: number }>;
  mappings: Record<string, number>;
}

/**
 * Spawns `tokenvault serve --port 0`, reads the address it reports, points the door at it, polls /readyz until it
 * answers 200, runs `work`, and stops the server.
 */
async function withServer<T>(
  config: string,
  door: FrontDoor,
  work: (server: Server) => Promise<T>,
  probe?: string,
): Promise<T> {
  const started = performance.now();
  // TOKENVAULT_* variables would override the config file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TOKENVAULT_')));
  const preload = probe ? ['--import', pathToFileURL(join(root, 'bench/memory-probe.mjs')).href] : [];
  const child = spawn(process.execPath, [...preload, bin, 'serve', '--config', config, '--port', '0'], {
    env: { ...env, TOKENVAULT_LOG_LEVEL: 'warn', ...(probe && { TOKENVAULT_BENCH_MEMORY: probe }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const ready = async (url: string) => {
    try {
      const response = await fetch(`${url}/readyz`);
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false; // not answering yet
    }
  };
  try {
    const deadline = started + 30_000;
    const listening = () => /listening on (\S+)/.exec(output)?.[1];
    let url: string | undefined;
    // Polled every 5 ms: first for the address it listens on, then for /readyz.
    while (!url || !(await ready(url))) {
      if (child.exitCode !== null) throw new Error(`tokenvault serve exited with ${child.exitCode}:\n${output}`);
      if (performance.now() > deadline) throw new Error(`tokenvault serve not ready after 30 s:\n${output}`);
      if (!url) {
        url = listening();
        if (url) door.forwardTo(url);
      }
      await sleep(5);
    }
    const readyMs = performance.now() - started;
    child.stdout?.off('data', collect).resume(); // what it logs from now on is not kept
    return await work({ url, readyMs, rss: () => rssOf(child), breakdown: () => breakdownOf(child, probe) });
  } finally {
    await stop(child);
  }
}

/** The RSS of a bare Node process that idles: the floor under `tokenvault serve`. */
async function runtimeRss(settleMs: number): Promise<number> {
  const script = "console.log('ready'); setInterval(() => {}, 1000);";
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await Promise.race([once(child.stdout, 'data'), once(child, 'exit')]);
    if (child.exitCode !== null) throw new Error(`the idle Node probe exited with ${child.exitCode}`);
    await sleep(settleMs);
    return await rssOf(child);
  } finally {
    await stop(child);
  }
}

/** Signals the server's memory probe and waits for the line it appends. */
async function breakdownOf(child: ChildProcess, probe: string | undefined): Promise<MemoryBreakdown> {
  if (!probe) throw new Error('the server was started without the memory probe');
  const lines = async () => (await readFile(probe, 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const before = (await lines()).length;
  child.kill('SIGUSR2');
  for (let waited = 0; waited < 5_000; waited += 10) {
    const now = await lines();
    if (now.length > before) return JSON.parse(now[now.length - 1] as string) as MemoryBreakdown;
    await sleep(10);
  }
  throw new Error('the memory probe did not answer');
}

/** One note: RSS by part, in MB. V8's pages are anonymous mappings, so they are taken out of that figure. */
function describeBreakdown(when: string, m: MemoryBreakdown): string {
  const mb = (n: number | undefined) => (n ?? 0).toFixed(1);
  const space = (name: string) => {
    const s = m.spaces[name];
    return s ? `${mb(s.resident)} resident, ${mb(s.used)} used` : '-';
  };
  const oldSpaces = ['old_space', 'code_space', 'map_space', 'large_object_space', 'code_large_object_space'];
  const old = oldSpaces.reduce((sum, name) => sum + (m.spaces[name]?.resident ?? 0), 0);
  const { mallocMainHeap, threadArenas, threadArenaCount, otherAnonymous, stacks, files } = m.mappings;
  return (
    `memory ${when}: RSS ${mb(m.rss)} MB = V8 heap ${mb(m.v8Resident)} (young generation ${space('new_space')}; ` +
    `old spaces ${mb(old)} resident, old_space ${space('old_space')}; heap used ${mb(m.heapUsed)}) + malloc's main ` +
    `heap ${mb(mallocMainHeap)} + ${threadArenaCount} thread arenas ${mb(threadArenas)} + other anonymous ` +
    `${mb((otherAnonymous ?? 0) - m.v8Resident)} + files ${mb(files)} + stacks ${mb(stacks)}; external ` +
    `${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}`
  );
}

/** Resident set size in MB. */
async function rssOf(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Reads READS access tokens spread over `count` accounts; each must be the plaintext stored for it. */
async function readTokens(url: string, jwt: string, count: number): Promise<void> {
  for (let k = 0; k < READS; k++) {
    const i = Math.floor((k * count) / READS);
    const { id, userId } = benchAccount(i);
    const response = await fetch(`${url}/v1/users/${userId}/connected-accounts/${id}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await response.json()) as { accessToken?: string };
    if (body.accessToken !== `at-${i}`) throw new Error(`token read ${i} answered ${response.status}`);
  }
}

/** Reads account 0's token over 10 connections for `seconds`; every answer must be a 200. */
async function loadTokenReads(url: string, jwt: string, seconds: number): Promise<void> {
  const { id, userId } = benchAccount(0);
  const result = await load({
    url: `${url}/v1/users/${userId}/connected-accounts/${id}/access-token`,
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
    connections: 10,
    durationSeconds: seconds,
  });
  if (result.errors + result.non2xx > 0 || result.total === 0) {
    throw new Error(`token-read load: ${result.total} requests, ${result.errors} errors, ${result.non2xx} not 2xx`);
  }
}
