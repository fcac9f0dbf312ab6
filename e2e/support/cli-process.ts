import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FrontDoor } from './front-door.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../packages/cli/bin/tokenvault.js', import.meta.url));

/** Runs `tokenvault …` to completion; `input` is written to its stdin (which is then closed). */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { cwd?: string; input?: string } = {},
) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    cwd: options.cwd ?? repoRoot,
  });
  child.stdin.end(options.input ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

/**
 * `tokenvault clients create --env development --config CONFIG …args` (a name, roles and resources); the access key
 * it prints once. Fails with the CLI's own message if the command does.
 */
export async function createAccessKey(config: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const created = await runCli(['clients', 'create', '--env', 'development', '--config', config, ...args], env);
  const accessKey = /access key: (\S+)/.exec(created.stdout)?.[1];
  if (created.code !== 0 || !accessKey) throw new Error(`clients create exited ${created.code}: ${created.stderr}`);
  return accessKey;
}

/** A running `tokenvault serve`; everything it prints is kept in `output`. */
export interface ServerProcess {
  url: string;
  /** The process id, to read its memory from /proc. */
  pid: number;
  output(): string;
  /** Resolves once the output matches `pattern`. */
  printed(pattern: RegExp): Promise<void>;
  /** Sends a signal without waiting; `exit` tells how the process ended. */
  signal(signal: NodeJS.Signals): void;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
  /** `kill -9`: no shutdown code runs, as in a crash. */
  crash(): Promise<void>;
}

/**
 * Starts `tokenvault serve`. Behind a `door` (e2e/support/front-door.ts), the server takes a port of its own
 * (`--port 0`) and the door forwards to it; `url` is still the server's own address.
 */
export async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  door?: FrontDoor,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', ...args, ...(door ? ['--port', '0'] : [])], {
    env: { ...process.env, ...env },
    cwd: repoRoot,
  });
  let output = '';
  const waiting = new Set<{ pattern: RegExp; resolve(): void }>();
  const exit = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
      for (const waiter of waiting) {
        if (!waiter.pattern.test(output)) continue;
        waiting.delete(waiter);
        waiter.resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`tokenvault serve exited with ${code}:\n${output}`)));
  });
  door?.forwardTo(url);
  return {
    url,
    pid: child.pid as number,
    output: () => output,
    printed: (pattern) =>
      pattern.test(output) ? Promise.resolve() : new Promise((resolve) => waiting.add({ pattern, resolve })),
    signal: (signal) => child.kill(signal),
    exit,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    async crash() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
