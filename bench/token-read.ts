import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type LoadResult, load, measuredLoad, pinned } from './load.js';
import { againstCeiling, answeredAll, check, type Figure, type Section } from './report.js';
import { prepareVault } from './vault-process.js';

const SERVER_CPU = 0;
const LOAD_CPU = 1;
const THROUGHPUT_TARGET = '>= 0.9';
const P99_TARGET = '<= 1.5';
/** The vault and the same-work baseline take turns, five windows each (see inTurns). */
const TURNS = 5;

/**
 * Token read (docs/benchmarks.md): `POST …/access-token` for a fresh token with a cached service JWT, against one
 * server process. Judged against the same work written directly (bench/same-work-server.ts, on the same database,
 * core and load), with a bare node:http hello-world and the framework alone printed as ceilings.
 */
export async function tokenRead(options: { smoke: boolean }): Promise<Section[]> {
  const shape = { connections: options.smoke ? 10 : 50, durationSeconds: options.smoke ? 1 : 10, cpu: LOAD_CPU };
  const request = (jwt: string) => ({
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const unchecked = { ...shape, ...request('not-checked') };
  const placeholder = (port: string) => `http://127.0.0.1:${port}/v1/users/u/connected-accounts/a/access-token`;
  const bare = await measureBaseline('bare-server.ts', {}, placeholder, unchecked);
  const framework = await measureBaseline('hono-server.ts', {}, placeholder, unchecked);
  const sections: Section[] = [
    {
      name: 'framework floor',
      figures: [
        {
          name: 'requests/s',
          value: framework.requestsPerSecond,
          unit: 'req/s',
          baseline: bare.requestsPerSecond,
          ratio: framework.requestsPerSecond / bare.requestsPerSecond,
        },
        { name: 'p99 latency', value: framework.p99Ms, unit: 'ms', baseline: bare.p99Ms },
      ],
      notes: [
        'Hono on @hono/node-server, the token route answering without doing anything: no token read can do better',
      ],
    },
  ];
  for (const store of ['sqlite', 'postgres'] as const) {
    const vault = await prepareVault({ store, processes: 1, cpus: [SERVER_CPU] });
    try {
      const { path, browser } = await vault.connect('reader');
      const baseline = await startBaseline(
        'same-work-server.ts',
        {
          SAME_WORK_STORE: store,
          SAME_WORK_DATABASE: vault.database.replace(/^sqlite:/, ''),
          SAME_WORK_MASTER_KEY: vault.masterKey,
          SAME_WORK_JWT: vault.jwt,
        },
        (port) => `http://127.0.0.1:${port}${path}`,
      );
      const url = `${vault.servers[0]?.url}${path}`;
      const turns = options.smoke ? 1 : TURNS;
      let result: Measured;
      let same: Measured;
      try {
        ({ first: result, second: same } = await inTurns(
          { url, pid: vault.servers[0]?.pid as number },
          baseline,
          { ...shape, ...request(vault.jwt), durationSeconds: shape.durationSeconds / turns },
          turns,
        ));
      } finally {
        await baseline.stop();
      }
      // The browser's reads of the same account: its session cookies, the header a cross-site form cannot send.
      const xhr = { 'x-requested-with': 'XMLHttpRequest' };
      const server = vault.servers[0]?.url;
      const refreshRequest = { method: 'GET', headers: { ...xhr, cookie: browser.refresh.cookie } };
      await load({ url: `${server}${browser.refresh.path}`, ...refreshRequest, ...shape, durationSeconds: 1 });
      const refresh = await load({ url: `${server}${browser.refresh.path}`, ...refreshRequest, ...shape });
      const meRequest = {
        ...request(vault.jwt),
        headers: { ...xhr, cookie: browser.me.cookie, 'content-type': 'application/json' },
      };
      const me = await load({ url: `${server}${browser.me.path}`, ...meRequest, ...shape });
      sections.push({
        name: `token read (${store})`,
        figures: [
          ...figures(result, same, bare),
          cpuFigure(result, same),
          browserFigure('/refresh', refresh, same),
          browserFigure('/v1/me', me, same),
        ],
        notes: [
          `${shape.connections} connections for ${shape.durationSeconds} s, in ${turns} windows of ` +
            `${shape.durationSeconds / turns} s taking turns with the baseline's; ` +
            `vault: ${result.total} requests, ` +
            `${result.errors} errors, ${result.non2xx} non-2xx; same-work baseline: ${same.total} requests, ` +
            `${same.errors} errors, ${same.non2xx} non-2xx; /refresh: ${refresh.total} requests, ${refresh.non2xx} ` +
            `non-2xx, ${refresh.errors} errors (statuses ${JSON.stringify(refresh.statusCodes)}), p50 / p99 ` +
            `${refresh.p50Ms} / ${refresh.p99Ms} ms; /v1/me: ${me.total} requests, ${me.non2xx} non-2xx, ` +
            `${me.errors} errors (statuses ${JSON.stringify(me.statusCodes)}), p50 / p99 ${me.p50Ms} / ${me.p99Ms} ms`,
        ],
      });
    } finally {
      await vault.cleanup();
    }
  }
  return sections;
}

function figures(result: LoadResult, same: LoadResult, bare: LoadResult): Figure[] {
  const ratio = result.requestsPerSecond / same.requestsPerSecond;
  const p99Ratio = result.p99Ms / Math.max(same.p99Ms, 1);
  return [
    {
      name: 'requests/s',
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: same.requestsPerSecond,
      ratio,
      target: THROUGHPUT_TARGET,
      pass: check(ratio, THROUGHPUT_TARGET) && result.errors === 0 && result.non2xx === 0,
    },
    {
      name: 'p50 latency',
      value: result.p50Ms,
      unit: 'ms',
      baseline: same.p50Ms,
      ratio: result.p50Ms / Math.max(same.p50Ms, 1),
    },
    {
      name: 'p99 latency',
      value: result.p99Ms,
      unit: 'ms',
      baseline: same.p99Ms,
      ratio: p99Ratio,
      target: P99_TARGET,
      pass: check(p99Ratio, P99_TARGET),
    },
    ...againstCeiling(result, same, bare, 'hello-world'),
  ];
}

/** CPU time per read (from /proc): printed, not judged; it moves far less with the machine's load than req/s. */
function cpuFigure(result: Measured, same: Measured): Figure {
  const vault = result.cpuUsPerRequest ?? Number.NaN;
  const baseline = same.cpuUsPerRequest ?? Number.NaN;
  return { name: 'CPU per read', value: vault, unit: 'µs', baseline, ratio: vault / baseline };
}

type Measured = LoadResult & { cpuUsPerRequest: number | undefined };

/**
 * A browser read (`GET /api/auth/{provider}/refresh`, `POST /v1/me/…/access-token`) beside the same-work baseline
 * of the service read: printed, not judged (the baseline does a service read's work), but every request must
 * have been answered with a token.
 */
function browserFigure(route: string, result: LoadResult, same: LoadResult): Figure {
  return {
    name: `${route} requests/s`,
    value: result.requestsPerSecond,
    unit: 'req/s',
    baseline: same.requestsPerSecond,
    ratio: result.requestsPerSecond / same.requestsPerSecond,
    pass: answeredAll(result),
  };
}

type Shape = Parameters<typeof load>[0] extends infer T ? Omit<T, 'url'> : never;

/** Starts a baseline server (its port on the first line of its output), warms it up and measures it. */
async function measureBaseline(
  file: string,
  env: Record<string, string>,
  urlOf: (port: string) => string,
  shape: Shape,
) {
  const server = await startBaseline(file, env, urlOf);
  try {
    await load({ ...shape, url: server.url, durationSeconds: 1 });
    return await measuredLoad(server.pid, { ...shape, url: server.url });
  } finally {
    await server.stop();
  }
}

/** A baseline server pinned beside the vault, running until `stop()`; its port is the first line it prints. */
async function startBaseline(file: string, env: Record<string, string>, urlOf: (port: string) => string) {
  const script = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const argv = await pinned(SERVER_CPU, [process.execPath, '--import', 'tsx', script]);
  const child = spawn(argv[0] as string, argv.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    return { url: urlOf(chunk.toString().split('\n')[0]?.trim() ?? ''), pid: child.pid as number, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Two servers on the same core under the same load, taking turns: each is warmed up, then each is measured for
 * `turns` windows of `shape.durationSeconds`, one after the other, and its windows count as one run. A shared
 * machine's speed changes over minutes (on 2026-12-03 it ran 1.8 times slower for minutes at a time); measured in
 * turns, both servers see the same machine. A pause between two of a server's windows is one window of the other
 * (a few seconds), shorter than `serve` waits before it gives memory back (docs/architecture.md, "Memory after a
 * burst").
 */
async function inTurns(
  first: { url: string; pid: number },
  second: { url: string; pid: number },
  shape: Shape,
  turns: number,
): Promise<{ first: Measured; second: Measured }> {
  for (const server of [first, second]) await load({ ...shape, url: server.url, durationSeconds: 1 });
  const windows: { first: Measured[]; second: Measured[] } = { first: [], second: [] };
  for (let turn = 0; turn < turns; turn++) {
    windows.first.push(await measuredLoad(first.pid, { ...shape, url: first.url }));
    windows.second.push(await measuredLoad(second.pid, { ...shape, url: second.url }));
  }
  return { first: asOneRun(windows.first), second: asOneRun(windows.second) };
}

/** Equal windows of one server as one run: their mean rate and latencies, their counts added, CPU over all of them. */
function asOneRun(windows: Measured[]): Measured {
  const mean = (figure: (window: Measured) => number) =>
    windows.reduce((sum, window) => sum + figure(window), 0) / windows.length;
  const total = windows.reduce((sum, window) => sum + window.total, 0);
  const statusCodes: Record<string, number> = {};
  for (const window of windows) {
    for (const [status, count] of Object.entries(window.statusCodes)) {
      statusCodes[status] = (statusCodes[status] ?? 0) + count;
    }
  }
  const cpu = windows.every((window) => window.cpuUsPerRequest !== undefined) && total > 0;
  return {
    requestsPerSecond: mean((window) => window.requestsPerSecond),
    p50Ms: mean((window) => window.p50Ms),
    p99Ms: mean((window) => window.p99Ms),
    total,
    errors: windows.reduce((sum, window) => sum + window.errors, 0),
    non2xx: windows.reduce((sum, window) => sum + window.non2xx, 0),
    statusCodes,
    cpuUsPerRequest: cpu
      ? windows.reduce((sum, window) => sum + (window.cpuUsPerRequest as number) * window.total, 0) / total
      : undefined,
  };
}
