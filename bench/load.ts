import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const autocannon = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

/** Whether `taskset` can pin processes to cores (Linux with util-linux). */
let tasksetChecked: boolean | undefined;
export async function canPin(): Promise<boolean> {
  if (tasksetChecked === undefined) {
    const child = spawn('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    const [code] = (await once(child, 'exit').catch(() => [1])) as [number];
    tasksetChecked = code === 0;
  }
  return tasksetChecked;
}

/** The command line that runs `argv` pinned to `cpu` when pinning is possible. */
export async function pinned(cpu: number | undefined, argv: string[]): Promise<string[]> {
  return cpu !== undefined && (await canPin()) ? ['taskset', '-c', String(cpu), ...argv] : argv;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  errors: number;
  non2xx: number;
  /** How many answers had each status, e.g. `{200: 950, 503: 2}`. */
  statusCodes: Record<string, number>;
}

/**
 * Drives `url` with autocannon in its own process (pinned to `cpu` when possible), so the load generator does
 * not share the server's event loop or core.
 */
export async function load(options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  cpu?: number;
}): Promise<LoadResult> {
  const args = ['-j', '-c', String(options.connections), '-d', String(options.durationSeconds)];
  if (options.method) args.push('-m', options.method);
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (options.body !== undefined) args.push('-b', options.body);
  const argv = await pinned(options.cpu, [process.execPath, autocannon, ...args, options.url]);
  const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr}`);
  const result = JSON.parse(stdout);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries((result.statusCodeStats ?? {}) as Record<string, { count: number }>).map(([status, { count }]) => [
        status,
        count,
      ]),
    ),
  };
}

/** Linux's clock tick for /proc times (USER_HZ), 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) process `pid` has used so far, in ms, from /proc; undefined without /proc. */
export async function cpuTimeMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses: state is field 3, utime field 14 and stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * `load`, and the server's CPU time per request answered over it (µs; undefined without /proc): what a busy machine
 * disturbs far less than requests per second, since the server's own work is counted, not its turns on a core.
 */
export async function measuredLoad(
  pid: number,
  options: Parameters<typeof load>[0],
): Promise<LoadResult & { cpuUsPerRequest: number | undefined }> {
  const before = await cpuTimeMs(pid);
  const result = await load(options);
  const after = await cpuTimeMs(pid);
  const cpuUsPerRequest =
    before === undefined || after === undefined || result.total === 0
      ? undefined
      : ((after - before) * 1000) / result.total;
  return { ...result, cpuUsPerRequest };
}
