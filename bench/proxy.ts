import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { type LoadResult, load, pinned } from './load.js';
import { check, type Figure, type Section } from './report.js';
import { prepareVault } from './vault-process.js';

const SERVER_CPU = 0;
const LOAD_CPU = 1;
const THROUGHPUT_TARGET = '>= 0.8';
const ADDED_P50_TARGET = '<= 0.3';

/**
 * The proxy: GET through the vault to a loopback API, next to a same-work direct forwarder (node:http + undici)
 * to the same upstream, in the same run. Throughput under load (autocannon), and the latency the vault adds over
 * the forwarder, measured one request at a time with a sub-millisecond clock.
 */
export async function proxy(options: { smoke: boolean }): Promise<Section> {
  const shape = { connections: options.smoke ? 10 : 50, durationSeconds: options.smoke ? 1 : 10, cpu: LOAD_CPU };
  const samples = options.smoke ? 200 : 3000;
  const upstream = await startScript('proxy-upstream.ts', [], LOAD_CPU);
  const direct = await startScript('proxy-direct.ts', [upstream.url], SERVER_CPU);
  const vault = await prepareVault({
    store: 'sqlite',
    processes: 1,
    cpus: [SERVER_CPU],
    demoApi: `{ baseUrl: '${upstream.url}', allowPrivateNetworks: true }`,
  });
  try {
    const { path } = await vault.connect('caller');
    const vaultUrl = `${vault.servers[0]?.url}${path.replace(/\/access-token$/, '/proxy/user/repos')}`;
    const headers = { authorization: `Bearer ${vault.jwt}` };
    const directUrl = `${direct.url}/user/repos`;
    await load({ url: directUrl, headers, ...shape, durationSeconds: 1 });
    const baseline = await load({ url: directUrl, headers, ...shape });
    await load({ url: vaultUrl, headers, ...shape, durationSeconds: 1 });
    const measured = await load({ url: vaultUrl, headers, ...shape });
    const tokenP50 = await sequentialP50(`${vault.servers[0]?.url}${path}`, headers, samples, 'POST');
    const directP50 = await sequentialP50(directUrl, headers, samples);
    const vaultP50 = await sequentialP50(vaultUrl, headers, samples);
    const added = vaultP50 - directP50;
    return {
      name: 'proxy (sqlite)',
      figures: [
        ...throughput(measured, baseline),
        latency(vaultP50, directP50, added),
        // What any authorized, audited credential use costs in this vault, for reading the added latency.
        { name: 'token read p50 (same vault)', value: tokenP50, unit: 'ms' },
      ],
      notes: [
        `${shape.connections} connections for ${shape.durationSeconds} s; ${measured.total} requests, ` +
          `${measured.errors} errors, ${measured.non2xx} non-2xx; added latency from ${samples} sequential requests`,
        'baseline: node:http + undici forwarding to the same upstream with a fixed token (no JWT, database or audit)',
      ],
    };
  } finally {
    await vault.cleanup();
    await direct.stop();
    await upstream.stop();
  }
}

function throughput(result: LoadResult, baseline: LoadResult): Figure[] {
  const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
  return [
    {
      name: 'requests/s',
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: baseline.requestsPerSecond,
      ratio,
      target: THROUGHPUT_TARGET,
      pass: check(ratio, THROUGHPUT_TARGET) && result.errors === 0 && result.non2xx === 0,
    },
    { name: 'p99 latency', value: result.p99Ms, unit: 'ms', baseline: baseline.p99Ms },
  ];
}

function latency(vaultP50: number, directP50: number, added: number): Figure {
  return {
    name: 'added p50 latency',
    value: added,
    unit: 'ms',
    baseline: directP50,
    ratio: vaultP50 / directP50,
    target: ADDED_P50_TARGET,
    pass: check(added, ADDED_P50_TARGET),
  };
}

/** The median time of `count` requests sent one after another over one kept-alive connection. */
async function sequentialP50(
  url: string,
  headers: Record<string, string>,
  count: number,
  method: 'GET' | 'POST' = 'GET',
): Promise<number> {
  const agent = new Agent({ connections: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < count + 100; i++) {
      const started = performance.now();
      const answer = await request(url, {
        method,
        headers,
        dispatcher: agent,
        ...(method === 'POST' && { body: '{}' }),
      });
      await answer.body.dump();
      if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}`);
      if (i >= 100) times.push(performance.now() - started); // the first hundred warm up
    }
  } finally {
    await agent.close();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** A bench script in its own (pinned) process; its first line of output is the port it listens on. */
async function startScript(file: string, args: string[], cpu: number) {
  const script = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const argv = await pinned(cpu, [process.execPath, '--import', 'tsx', script, ...args]);
  const child: ChildProcess = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  return {
    url: `http://127.0.0.1:${chunk.toString().trim()}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
