import { parseArgs } from 'node:util';
import type { GrantInput } from '@tokenvault/core';
import { CliError } from './cli-error.js';
import { didYouMean } from './did-you-mean.js';
import { COMMANDS } from './help.js';

export const OPTIONS = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  env: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  resource: { type: 'string', multiple: true },
  'expires-in-days': { type: 'string' },
  'expires-in': { type: 'string' },
  client: { type: 'string' },
  key: { type: 'string' },
  'key-file': { type: 'string' },
  url: { type: 'string' },
  lifetime: { type: 'string' },
  category: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options every command takes. */
const GLOBAL_OPTIONS = new Set(['json', 'verbose', 'version', 'help']);

type Parsed = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>
>;
export type Values = Parsed['values'];

export interface Invocation {
  /** A key of COMMANDS, or undefined when no command was given. */
  command: string | undefined;
  /** Positionals after the command: `providers show ID`, `help clients create`. */
  operands: string[];
  values: Values;
  grants: GrantInput[];
}

/** Parses argv, answering mistakes in our own words (exit 2) with the nearest known name. */
export function parseInvocation(argv: string[]): Invocation {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new CliError(argumentMistake(err as Error & { code?: string }), 2);
  }
  const { values, positionals, tokens } = parsed;
  const command = commandOf(positionals);
  const operands = positionals.slice(command === undefined ? 0 : command.split(' ').length);
  if (command === undefined && positionals.length > 0) {
    const given = positionals.join(' ');
    throw new CliError(
      `unknown command '${given}'${didYouMean(given, Object.keys(COMMANDS))} (tokenvault help lists them)`,
      2,
    );
  }
  if (command !== undefined && !values.help) checkOptions(command, tokens);
  return { command, operands, values, grants: grantsFrom(tokens) };
}

/** The longest run of leading positionals that names a command. */
function commandOf(positionals: string[]): string | undefined {
  for (let words = Math.min(3, positionals.length); words > 0; words--) {
    const name = positionals.slice(0, words).join(' ');
    if (Object.hasOwn(COMMANDS, name)) return name;
  }
  return undefined;
}

function checkOptions(command: string, tokens: Parsed['tokens']): void {
  const allowed = new Set([...(COMMANDS[command]?.options ?? []), ...GLOBAL_OPTIONS]);
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.has(token.name)) {
      throw new CliError(`--${token.name} does not apply to '${command}' (tokenvault help ${command})`, 2);
    }
  }
}

/** node:util's parser messages quote oddly and suggest `--`; ours name the option and the fix. */
function argumentMistake(err: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(err.message)?.[1] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = option.replace(/^-+/, '');
      return `unknown option ${option}${didYouMean(name, Object.keys(OPTIONS)).replace('mean ', 'mean --')} (tokenvault help COMMAND lists a command's options)`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = option.replace(/^-+/, '').replace(/=.*$/, '');
      const known = (OPTIONS as Record<string, { type: string }>)[name];
      return known?.type === 'boolean' ? `--${name} takes no value` : `--${name} needs a value`;
    }
    default:
      return err.message;
  }
}

/** Pairs each --resource with the --role before it, in the order given. */
function grantsFrom(tokens: Parsed['tokens']): GrantInput[] {
  const grants: GrantInput[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'role') grants.push({ role: token.value ?? '' });
    if (token.name === 'resource') {
      const last = grants.at(-1);
      if (!last || last.resource !== undefined) throw new CliError('each --resource must follow a --role', 2);
      last.resource = token.value ?? '';
    }
  }
  return grants;
}

export function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required`, 2);
  return value;
}

export function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} must be a whole number`, 2);
  return Number(value);
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--expires-in 90s`, `15m`, `1h`, `7d`: when a grant stops working, from now. */
export function expiresIn(duration: string | undefined): number | null {
  if (duration === undefined) return null;
  const match = /^(\d{1,9})([smhd])$/.exec(duration);
  if (!match || Number(match[1]) < 1) {
    throw new CliError('--expires-in needs a number and a unit: 90s, 15m, 1h or 7d', 2);
  }
  return Date.now() + Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

export function expiresAt(days: string | undefined): number | null {
  if (days === undefined) return null;
  const n = integer(days, '--expires-in-days');
  if (n < 1) throw new CliError('--expires-in-days must be at least 1', 2);
  return Date.now() + n * 24 * 60 * 60 * 1000;
}
