import { readFileSync } from 'node:fs';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { integer, type Values } from '../arguments.js';
import { CliError } from '../cli-error.js';

/** The most the vault accepts (docs/api.md): a longer token would be refused at its first use. */
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

/** Prints a short-lived JWT signed with an access key, for curl. */
export async function token(args: { values: Values; print: (line: string) => void; json?: boolean }) {
  const { values } = args;
  const lifetimeSeconds = values.lifetime === undefined ? 3600 : integer(values.lifetime, '--lifetime');
  if (lifetimeSeconds < 1 || lifetimeSeconds > MAX_LIFETIME_SECONDS) {
    throw new CliError(
      `--lifetime must be 1 to ${MAX_LIFETIME_SECONDS} seconds: the vault refuses tokens living over 24 h`,
      2,
    );
  }
  const url = values.url ?? process.env.TOKENVAULT_PUBLIC_URL ?? 'http://127.0.0.1:7007';
  const key = await parseAccessKey(accessKeyFrom(values));
  const jwt = await signServiceToken(key, { baseUrl: url, lifetimeSeconds });
  args.print(args.json ? JSON.stringify({ token: jwt, expiresIn: lifetimeSeconds }) : jwt);
}

/**
 * `--key-file FILE` (`-` for stdin), else `--key`, else TOKENVAULT_ACCESS_KEY. A key on the command line lands in
 * shell history and in `ps`, so the docs show the other two.
 */
function accessKeyFrom(values: Values): string {
  const file = values['key-file'];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (cause) {
      throw new CliError(
        `cannot read the access key from ${file === '-' ? 'stdin' : file}: ${(cause as Error).message}`,
      );
    }
    if (!text.trim()) throw new CliError(`${file === '-' ? 'stdin' : file} holds no access key`);
    return text.trim();
  }
  const key = values.key || process.env.TOKENVAULT_ACCESS_KEY;
  if (!key) {
    throw new CliError(
      'no access key: give --key-file FILE, --key-file - (read from stdin) or set TOKENVAULT_ACCESS_KEY',
      2,
    );
  }
  return key.trim();
}
