import { once } from 'node:events';
import { constants } from 'node:os';
import { parseArgs } from 'node:util';
import { type GrantInput, VaultError } from '@tokenvault/core';
import { CliError } from './cli-error.js';
import { addKey, createClient, grant, listClients, revokeGrant, revokeKey, withVault } from './commands/clients.js';
import { rotateKeys } from './commands/keys.js';
import { migrate } from './commands/migrate.js';
import { listProviders, showProvider, validateProvider } from './commands/providers.js';
import { serve } from './commands/serve.js';
import { token } from './commands/token.js';

const USAGE = `Usage: tokenvault <command> [options]

  serve [--config FILE] [--port N] [--host H]      start the server (dev mode without --config)
  migrate [--config FILE]                          apply database migrations
  clients create --env ENV --name NAME [--role ROLE [--resource PATTERN]]… [--expires-in-days N]
                                                   create a service client; prints its access key once
  clients list --env ENV                           list service clients with their grants and keys
  clients keys add --env ENV --client ID [--expires-in-days N]   add an access key; prints it once
  clients keys revoke --env ENV --client ID --key KEY_ID
  clients grant --env ENV --client ID --role ROLE [--resource PATTERN]
  clients revoke-grant --env ENV --client ID --role ROLE [--resource PATTERN]
  token --key ACCESS_KEY [--url URL] [--lifetime SECONDS]   print a signed JWT for curl
  keys rotate [--config FILE]                      re-encrypt every credential under masterKey (see previousMasterKeys)
  providers list                                   the provider presets
  providers show ID                                one preset as data, with its docs and setup note
  providers validate FILE                          check a provider (preset with overrides, or custom spec)

Roles: credentials-reader, connections-manager, api-reader, api-caller, admin. A --resource applies to the
--role before it; a role without one covers the whole environment. Patterns: connections/PROVIDER/users/USER/
credentials (or .../proxy, for api-reader and api-caller) or a prefix of it, where any value may be *; clients;
audit; webhooks.
Options: --verbose prints stack traces. Exit codes: 0 ok, 1 failure, 2 usage.`;

const OPTIONS = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  env: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  resource: { type: 'string', multiple: true },
  'expires-in-days': { type: 'string' },
  client: { type: 'string' },
  key: { type: 'string' },
  url: { type: 'string' },
  lifetime: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; tokens: true }>>;
type Values = Parsed['values'];

/** Runs one command and returns the process exit code. */
export async function main(argv: string[], print: (line: string) => void = console.log): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    const { values, positionals, tokens } = parseArguments(argv);
    verbose = values.verbose ?? false;
    if (values.help || positionals.length === 0) {
      print(USAGE);
      return positionals.length === 0 && !values.help ? 2 : 0;
    }
    return await run(positionals, values, grantsFrom(tokens), print);
  } catch (err) {
    const exitCode = err instanceof CliError ? err.exitCode : 1;
    const message =
      err instanceof CliError || err instanceof VaultError ? err.message : String((err as Error)?.message ?? err);
    console.error(`tokenvault: ${message}`);
    if (verbose && err instanceof Error) console.error(err.stack);
    return exitCode;
  }
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`, 2);
  }
}

async function run(
  command: string[],
  values: Values,
  grants: GrantInput[],
  print: (line: string) => void,
): Promise<number> {
  // The one command with an argument of its own: `providers show ID`, `providers validate FILE`.
  const [group, verb, argument, ...rest] = command;
  if (group === 'providers' && (verb === 'show' || verb === 'validate') && argument && rest.length === 0) {
    if (verb === 'show') showProvider(argument, print);
    else validateProvider(argument, print);
    return 0;
  }
  switch (command.join(' ')) {
    case 'serve': {
      const server = await serve({
        ...(values.config !== undefined && { config: values.config }),
        ...(values.port !== undefined && { port: integer(values.port, '--port') }),
        ...(values.host !== undefined && { host: values.host }),
        print,
      });
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      // A second signal means now: exit at once, as a process killed by that signal would (130, 143).
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          console.error(`tokenvault: ${signal} again: exiting without finishing the requests in progress`);
          process.exit(128 + constants.signals[signal]);
        });
      }
      return (await server.close()) ? 0 : 1;
    }
    case 'migrate':
      await migrate({ ...(values.config !== undefined && { config: values.config }), print });
      return 0;
    case 'clients create': {
      const input = {
        env: required(values.env, '--env'),
        name: required(values.name, '--name'),
        grants,
        expiresAt: expiresAt(values['expires-in-days']),
      };
      await withVault(values.config, (vault) => createClient(vault, input, print));
      return 0;
    }
    case 'clients list':
      await withVault(values.config, (vault) => listClients(vault, required(values.env, '--env'), print));
      return 0;
    case 'clients keys add':
      await withVault(values.config, (vault) =>
        addKey(
          vault,
          required(values.env, '--env'),
          required(values.client, '--client'),
          expiresAt(values['expires-in-days']),
          print,
        ),
      );
      return 0;
    case 'clients keys revoke':
      await withVault(values.config, (vault) =>
        revokeKey(
          vault,
          required(values.env, '--env'),
          required(values.client, '--client'),
          required(values.key, '--key'),
          print,
        ),
      );
      return 0;
    case 'clients grant':
    case 'clients revoke-grant': {
      const env = required(values.env, '--env');
      const client = required(values.client, '--client');
      if (grants.length !== 1) throw new CliError('give exactly one --role (and optionally one --resource)', 2);
      const change = command[1] === 'grant' ? grant : revokeGrant;
      await withVault(values.config, (vault) => change(vault, env, client, grants[0] as GrantInput, print));
      return 0;
    }
    case 'keys rotate':
      await withVault(values.config, (vault) => rotateKeys(vault, print));
      return 0;
    case 'providers list':
      listProviders(print);
      return 0;
    case 'token':
      await token({
        key: required(values.key, '--key'),
        url: values.url ?? process.env.TOKENVAULT_PUBLIC_URL ?? 'http://127.0.0.1:7007',
        lifetimeSeconds: values.lifetime === undefined ? 3600 : integer(values.lifetime, '--lifetime'),
        print,
      });
      return 0;
    default:
      throw new CliError(`unknown command '${command.join(' ')}'\n${USAGE}`, 2);
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

function expiresAt(days: string | undefined): number | null {
  if (days === undefined) return null;
  const n = integer(days, '--expires-in-days');
  if (n < 1) throw new CliError('--expires-in-days must be at least 1', 2);
  return Date.now() + n * 24 * 60 * 60 * 1000;
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required`, 2);
  return value;
}

function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} must be a whole number`, 2);
  return Number(value);
}
