import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { type LoadResult, load, pinned } from './load.js';
import { processCpuMicros } from './process-cpu.js';
import { againstCeiling, check, type Figure, type Section } from './report.js';
import { prepareVault } from './vault-process.js';

const SERVER_CPU = 0;
const LOAD_CPU = 1;
const THROUGHPUT_TARGET = '>= 0.8';
const ADDED_P50_TARGET = '<= 0.3';

/**
 * The proxy: GET through the vault to a loopback API, judged against the same work written directly
 * (bench/proxy-same-work.ts: node:http + undici with the JWT, account read, decryption, audit row and log line a
 * proxied call needs), with a bare forwarder (bench/proxy-direct.ts) as the ceiling; all in the same run, on the
 * same core, to the same upstream. Throughput and CPU per request under load (autocannon), and the latency the vault
 * adds over each forwarder, measured one request at a time with a sub-millisecond clock.
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
  let same: Script | undefined;
  try {
    const { path } = await vault.connect('caller');
    const proxyPath = path.replace(/\/access-token$/, '/proxy/user/repos');
    same = await startScript('proxy-same-work.ts', [], SERVER_CPU, {
      SAME_WORK_STORE: 'sqlite',
      SAME_WORK_DATABASE: vault.database.replace(/^sqlite:/, ''),
      SAME_WORK_MASTER_KEY: vault.masterKey,
      SAME_WORK_JWT: vault.jwt,
      SAME_WORK_UPSTREAM: upstream.url,
    });
    const server = vault.servers[0] as { url: string; pid: number };
    const vaultUrl = `${server.url}${proxyPath}`;
    const sameUrl = `${same.url}${proxyPath}`;
    const directUrl = `${direct.url}/user/repos`;
    const headers = { authorization: `Bearer ${vault.jwt}` };
    const measure = async (url: string, pid: number) => {
      // Warm-up (JIT, pools, caches); the smoke run's figures judge nothing, so it spares the seconds.
      if (!options.smoke) await load({ url, headers, ...shape, durationSeconds: 1 });
      const before = await processCpuMicros(pid);
      const result = await load({ url, headers, ...shape });
      const after = await processCpuMicros(pid);
      const cpu = before === undefined || after === undefined ? undefined : (after - before) / result.total;
      return { ...result, cpuMicros: cpu };
    };
    const bare = await measure(directUrl, direct.pid);
    const sameWork = await measure(sameUrl, same.pid);
    const measured = await measure(vaultUrl, server.pid);
    const tokenP50 = await sequentialP50(`${server.url}${path}`, headers, samples, 'POST');
    const directP50 = await sequentialP50(directUrl, headers, samples);
    const sameP50 = await sequentialP50(sameUrl, headers, samples);
    const vaultP50 = await sequentialP50(vaultUrl, headers, samples);
    return {
      name: 'proxy (sqlite)',
      figures: [
        ...throughput(measured, sameWork, bare),
        latency('added p50 latency', vaultP50, directP50, ADDED_P50_TARGET),
        latency('added p50 vs same work', vaultP50, sameP50),
        // What any authorized, audited credential use costs in this vault, for reading the added latency.
        { name: 'token read p50 (same vault)', value: tokenP50, unit: 'ms' },
      ],
      notes: [
        `${shape.connections} connections for ${shape.durationSeconds} s; vault: ${measured.total} requests, ` +
          `${measured.errors} errors, ${measured.non2xx} non-2xx; same work: ${sameWork.total} requests, ` +
          `${sameWork.errors} errors, ${sameWork.non2xx} non-2xx; added latency from ${samples} sequential requests`,
        `CPU per request: vault ${micros(measured.cpuMicros)}, same work ${micros(sameWork.cpuMicros)}, ` +
          `bare forwarder ${micros(bare.cpuMicros)}; p50 one at a time: vault ${vaultP50.toFixed(2)} ms, ` +
          `same work ${sameP50.toFixed(2)} ms, bare forwarder ${directP50.toFixed(2)} ms`,
      ],
    };
  } finally {
    await vault.cleanup();
    await same?.stop();
    await direct.stop();
    await upstream.stop();
  }
}

type Measured = LoadResult & { cpuMicros: number | undefined };

const micros = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)} µs`);

function throughput(result: Measured, same: Measured, bare: Measured): Figure[] {
  const ratio = result.requestsPerSecond / same.requestsPerSecond;
  const figures: Figure[] = [
    {
      name: 'requests/s',
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: same.requestsPerSecond,
      ratio,
      target: THROUGHPUT_TARGET,
      pass: check(ratio, THROUGHPUT_TARGET) && result.errors === 0 && result.non2xx === 0,
    },
    { name: 'p99 latency', value: result.p99Ms, unit: 'ms', baseline: same.p99Ms },
    ...againstCeiling(result, same, bare, 'bare forwarder'),
  ];
  if (result.cpuMicros !== undefined && same.cpuMicros !== undefined) {
    // Same-work CPU over the vault's: the throughput ratio a machine with nothing else running would show.
    figures.push({
      name: 'CPU per request',
      value: result.cpuMicros,
      unit: 'µs',
      baseline: same.cpuMicros,
      ratio: same.cpuMicros / result.cpuMicros,
    });
  }
  return figures;
}

function latency(name: string, vaultP50: number, baselineP50: number, target?: string): Figure {
  const added = vaultP50 - baselineP50;
  return {
    name,
    value: added,
    unit: 'ms',
    baseline: baselineP50,
    ratio: vaultP50 / baselineP50,
    ...(target !== undefined && { target, pass: check(added, target) }),
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

interface Script {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A bench script in its own (pinned) process; its first line of output is the port it listens on. */
async function startScript(
  file: string,
  args: string[],
  cpu: number,
  env: Record<string, string> = {},
): Promise<Script> {
  const script = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const argv = await pinned(cpu, [process.execPath, '--import', 'tsx', script, ...args]);
  const child: ChildProcess = spawn(argv[0] as string, argv.slice(1), {
    env: { ...process.env, ...env },
    // The baselines' log lines are written (their cost is part of the work) and dropped.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
  child.stdout?.resume();
  return {
    url: `http://127.0.0.1:${chunk.toString().split('\n')[0]?.trim()}`,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
