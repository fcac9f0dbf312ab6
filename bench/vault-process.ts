import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { runCli } from '../e2e/support/cli-process.js';
import { CookieJar } from '../e2e/support/cookie-jar.js';
import { type FrontDoor, openFrontDoor } from '../e2e/support/front-door.js';
import { createTempDatabase } from '../e2e/support/postgres.js';
import { pinned } from './load.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/tokenvault.js', import.meta.url));
const APP_ORIGIN = 'http://127.0.0.1:3999';
const MASTER_KEY = Buffer.alloc(32, 5).toString('base64');

export interface VaultProcess {
  url: string;
  pid: number;
  /** Resident set size in bytes, from /proc. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `tokenvault serve --config FILE --port PORT` (0: a port of its own, reported in `url`), pinned to `cpu` when
 * possible; resolves once it listens.
 */
export async function startVaultProcess(config: string, port: number, cpu?: number): Promise<VaultProcess> {
  // TOKENVAULT_BENCH_PROFILE=DIR: each server writes a V8 CPU profile there when it stops (docs/benchmarks.md).
  const profile = process.env.TOKENVAULT_BENCH_PROFILE;
  const node = [process.execPath, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const argv = await pinned(cpu, [...node, bin, 'serve', '--config', config, '--port', String(port)]);
  const child: ChildProcess = spawn(argv[0] as string, argv.slice(1), {
    // The default log level of a config-file deployment (info: one JSON line per request), as in production.
    env: { ...process.env, TOKENVAULT_MASTER_KEY: MASTER_KEY, TOKENVAULT_LOG_LEVEL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output: string | null = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (output === null) return; // listening: the log lines are read and dropped
      output += chunk;
      const listening = /listening on (\S+)/.exec(output)?.[1];
      if (listening) {
        output = null;
        resolve(listening);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`tokenvault serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid as number,
    async rss() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export type StoreKind = 'sqlite' | 'postgres';

/**
 * A database, the demo provider, a config file for `processes` servers sharing them, one connected account and
 * an admin access key: what every section needs. `cleanup()` stops and removes everything.
 */
export async function prepareVault(options: {
  store: StoreKind;
  processes: number;
  accessTokenTtlSeconds?: number;
  refreshAhead?: boolean;
  /** CPU to pin each server process to (index = process). */
  cpus?: (number | undefined)[];
  /** The demo provider's `api` (the proxy section), as YAML flow text. */
  demoApi?: string;
}) {
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-bench-'));
  // The first process is reached through a door bound first, so the public URL is known before any server starts
  // (e2e/support/front-door.ts); requests under measurement go to each process's own address.
  const door: FrontDoor = await openFrontDoor();
  const publicUrl = door.url;
  const demo: DemoProvider = await startDemoProvider({
    clients: [{ clientId: 'vault', clientSecret: 'bench', redirectUris: [`${publicUrl}/api/auth/demo/handler/frame`] }],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  });
  let dropDatabase = async () => {};
  let database = `sqlite:${join(dir, 'vault.db')}`;
  if (options.store === 'postgres') {
    const temp = await createTempDatabase();
    database = temp.url;
    dropDatabase = temp.drop;
  }
  const config = join(dir, 'tokenvault.yaml');
  await writeFile(
    config,
    `publicUrl: ${publicUrl}
database: ${database}
masterKey: \${TOKENVAULT_MASTER_KEY}
appOrigins: [${APP_ORIGIN}]
# The per-client limit on /api/auth/* still runs on every browser read, at a rate no load here reaches.
rateLimit:
  requestsPerMinute: 1000000000
refreshAhead: ${options.refreshAhead ?? false}
environments:
  development:
    providers:
      demo:
        preset: oidc
        issuer: ${demo.issuer}
        clientId: vault
        clientSecret: bench
${options.demoApi ? `        api: ${options.demoApi}\n` : ''}`,
  );
  const servers: VaultProcess[] = [];
  const cleanup = async () => {
    for (const server of servers) await server.stop();
    await door.close();
    await demo.close();
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < options.processes; i++) servers.push(await startVaultProcess(config, 0, options.cpus?.[i]));
    door.forwardTo(servers[0]?.url as string);
    const created = await runCli(
      ['clients', 'create', '--env', 'development', '--name', 'bench', '--role', 'admin', '--config', config],
      { TOKENVAULT_MASTER_KEY: MASTER_KEY },
    );
    if (created.code !== 0) throw new Error(`clients create failed: ${created.stderr}`);
    const accessKey = /access key: (\S+)/.exec(created.stdout)?.[1] as string;
    // The service JWT an SDK would cache and reuse (docs/sdk.md); the audience is the shared publicUrl.
    const jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });

    /**
     * Connects `login` through the first process, as a browser's popup does; returns its token route (path only),
     * the browser's own token routes (`/refresh` and `/v1/me`, paths only) and the `Cookie` header each needs.
     */
    const connect = async (login: string) => {
      const jar = new CookieJar();
      const start = await jar.fetch(
        `${publicUrl}/api/auth/demo/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
      );
      const frame = await jar.fetch(await loginWithoutBrowser(start.headers.get('location') as string, { login }));
      if (frame.status !== 200) throw new Error(`connecting ${login} failed: ${frame.status}`);
      const userId = `demo:${login}`;
      const list = await fetch(`${publicUrl}/v1/users/${encodeURIComponent(userId)}/connected-accounts`, {
        headers: { authorization: `Bearer ${jwt}` },
      });
      const { items } = (await list.json()) as { items: { id: string }[] };
      const refreshPath = '/api/auth/demo/refresh?env=development';
      const mePath = `/v1/me/connected-accounts/${items[0]?.id}/access-token`;
      return {
        accountId: items[0]?.id as string,
        path: `/v1/users/${encodeURIComponent(userId)}/connected-accounts/${items[0]?.id}/access-token`,
        browser: {
          refresh: { path: refreshPath, cookie: jar.header(`${publicUrl}${refreshPath}`) },
          me: { path: mePath, cookie: jar.header(`${publicUrl}${mePath}`) },
        },
      };
    };
    return { dir, config, database, masterKey: MASTER_KEY, demo, servers, publicUrl, jwt, connect, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
