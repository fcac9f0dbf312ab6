import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './cli-process.js';

/** Vitest global setup: `npm run build` (tsc -b, a no-op when dist/ is current) so spawned CLIs run fresh code. */
export default async function build(): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: repoRoot });
}
