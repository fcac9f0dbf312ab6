import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './cli-process.js';

/**
 * Vitest global setup: `npm run build` (tsc -b, a no-op when dist/ is current, then the CLI's bundle), so the CLIs
 * the tests spawn run fresh code, in the file that ships.
 */
export default async function build(): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: repoRoot });
}
