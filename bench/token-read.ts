import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type LoadResult, load, pinned } from './load.js';
import { check, type Figure, type Section } from './report.js';
import { prepareVault, type StoreKind } from './vault-process.js';

const SERVER_CPU = 0;
const LOAD_CPU = 1;
const TARGETS: Record<StoreKind, string> = { sqlite: '>= 0.5', postgres: '>= 0.3' };

/**
 * Token read (SPEC §8): `POST …/access-token` for a fresh token with a cached service JWT, against one server
 * process, next to a bare node:http server under the same load generator in the same run.
 */
export async function tokenRead(options: { smoke: boolean }): Promise<Section[]> {
  const shape = { connections: options.smoke ? 10 : 50, durationSeconds: options.smoke ? 1 : 10, cpu: LOAD_CPU };
  const request = (jwt: string) => ({
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const bare = await measureBaseline('bare-server.ts', { ...shape, ...request('not-checked') });
  const framework = await measureBaseline('hono-server.ts', { ...shape, ...request('not-checked') });
  const floor = framework.requestsPerSecond / bare.requestsPerSecond;
  const sections: Section[] = [
    {
      name: 'framework floor',
      figures: [
        {
          name: 'requests/s',
          value: framework.requestsPerSecond,
          unit: 'req/s',
          baseline: bare.requestsPerSecond,
          ratio: floor,
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
      const { path } = await vault.connect('reader');
      const url = `${vault.servers[0]?.url}${path}`;
      // Warm up (JIT, connection pools, key caches) before measuring.
      await load({ url, ...request(vault.jwt), ...shape, durationSeconds: 1 });
      const result = await load({ url, ...request(vault.jwt), ...shape });
      sections.push({
        name: `token read (${store})`,
        figures: figures(result, bare, TARGETS[store]),
        notes: [
          `${shape.connections} connections for ${shape.durationSeconds} s; ${result.total} requests, ` +
            `${result.errors} errors, ${result.non2xx} non-2xx`,
        ],
      });
    } finally {
      await vault.cleanup();
    }
  }
  return sections;
}

function figures(result: LoadResult, bare: LoadResult, throughputTarget: string): Figure[] {
  const ratio = result.requestsPerSecond / bare.requestsPerSecond;
  const p99Ratio = result.p99Ms / Math.max(bare.p99Ms, 1);
  return [
    {
      name: 'requests/s',
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: bare.requestsPerSecond,
      ratio,
      target: throughputTarget,
      pass: check(ratio, throughputTarget) && result.errors === 0 && result.non2xx === 0,
    },
    {
      name: 'p50 latency',
      value: result.p50Ms,
      unit: 'ms',
      baseline: bare.p50Ms,
      ratio: result.p50Ms / Math.max(bare.p50Ms, 1),
    },
    {
      name: 'p99 latency',
      value: result.p99Ms,
      unit: 'ms',
      baseline: bare.p99Ms,
      ratio: p99Ratio,
      target: '<= 3',
      pass: check(p99Ratio, '<= 3'),
    },
  ];
}

async function measureBaseline(
  file: string,
  shape: Parameters<typeof load>[0] extends infer T ? Omit<T, 'url'> : never,
) {
  const script = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const argv = await pinned(SERVER_CPU, [process.execPath, '--import', 'tsx', script]);
  const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const url = `http://127.0.0.1:${chunk.toString().trim()}/v1/users/u/connected-accounts/a/access-token`;
    await load({ ...shape, url, durationSeconds: 1 });
    return await load({ ...shape, url });
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}
