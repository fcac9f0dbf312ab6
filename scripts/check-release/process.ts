import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Runs a command to completion; resolves with its stdout, or rejects with everything it printed. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<string>((resolve, reject) => {
    const env = { ...process.env, ...options.env };
    execFile(command, args, { cwd: options.cwd, env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(' ')} failed (${err.code}):\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** A long-running command, stopped by its PID (as a process group); `output()` is everything it printed so far. */
export interface Running {
  pid: number;
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

export function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Running {
  // Its own process group: npx does not pass SIGTERM on to the command it runs, so stop() signals the group.
  const env = { ...process.env, ...options.env };
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env, detached: true });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit');
  return {
    pid: child.pid as number,
    output: () => output,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            listeners.delete(check);
            resolve(match);
          }
        };
        listeners.add(check);
        check();
        exited.then(() => reject(new Error(`${command} exited before printing ${pattern}:\n${output}`)));
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-(child.pid as number), 'SIGTERM');
      await exited;
    },
  };
}
