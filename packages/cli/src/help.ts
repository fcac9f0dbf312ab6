import { PROVIDER_CATEGORIES } from '@tokenvault/core';

/** Every command, its usage line, what it does and the options it takes (beyond --help, --verbose). */
export interface CommandHelp {
  usage: string;
  summary: string;
  options: readonly string[];
  /** Prints data, so `--json` applies. */
  json?: boolean;
}

const CONFIG = '[--config FILE]';

export const COMMANDS: Record<string, CommandHelp> = {
  serve: {
    usage: `serve ${CONFIG} [--port N] [--host H]`,
    summary: 'start the server (dev mode in ./.tokenvault without a config)',
    options: ['config', 'port', 'host'],
  },
  migrate: {
    usage: `migrate ${CONFIG}`,
    summary: 'apply database migrations',
    options: ['config'],
    json: true,
  },
  'clients create': {
    usage: `clients create ${CONFIG} --env ENV --name NAME [--role ROLE [--resource PATTERN]]… [--expires-in-days N]`,
    summary: 'create a service client; prints its access key once',
    options: ['config', 'env', 'name', 'role', 'resource', 'expires-in-days'],
    json: true,
  },
  'clients list': {
    usage: `clients list ${CONFIG} --env ENV`,
    summary: 'list service clients with their grants and keys',
    options: ['config', 'env'],
    json: true,
  },
  'clients keys add': {
    usage: `clients keys add ${CONFIG} --env ENV --client ID [--expires-in-days N]`,
    summary: 'add an access key; prints it once',
    options: ['config', 'env', 'client', 'expires-in-days'],
    json: true,
  },
  'clients keys revoke': {
    usage: `clients keys revoke ${CONFIG} --env ENV --client ID --key KEY_ID`,
    summary: 'revoke one access key',
    options: ['config', 'env', 'client', 'key'],
    json: true,
  },
  'clients grant': {
    usage: `clients grant ${CONFIG} --env ENV --client ID --role ROLE [--resource PATTERN] [--expires-in DURATION]`,
    summary: 'add a grant to a client, or give its same grant a new expiry',
    options: ['config', 'env', 'client', 'role', 'resource', 'expires-in'],
    json: true,
  },
  'clients revoke-grant': {
    usage: `clients revoke-grant ${CONFIG} --env ENV --client ID --role ROLE [--resource PATTERN]`,
    summary: 'remove a grant from a client',
    options: ['config', 'env', 'client', 'role', 'resource'],
    json: true,
  },
  token: {
    usage: 'token [--key-file FILE|-] [--url URL] [--lifetime SECONDS]',
    summary: 'print a signed JWT for curl (key from --key-file, stdin with -, or $TOKENVAULT_ACCESS_KEY)',
    options: ['key-file', 'key', 'url', 'lifetime'],
    json: true,
  },
  'keys rotate': {
    usage: `keys rotate ${CONFIG}`,
    summary: 're-encrypt every credential under masterKey (see previousMasterKeys)',
    options: ['config'],
    json: true,
  },
  'providers list': {
    usage: 'providers list [--category C]',
    summary: 'the provider presets, a table by category (id, name, refresh, API host)',
    options: ['category'],
    json: true,
  },
  'providers show': {
    usage: `providers show ID ${CONFIG}`,
    summary: 'how to set up one preset: docs, scopes, quirks, setup note and the redirect URI to register',
    options: ['config'],
    json: true,
  },
  'providers validate': {
    usage: 'providers validate FILE',
    summary: 'check a provider entry, or every provider of a whole config file (discovery included)',
    options: [],
    json: true,
  },
  'demo-provider': {
    usage: 'demo-provider [--port N] [--host H]',
    summary: 'run a local OpenID provider that accepts any loopback redirect, to try a config end to end',
    options: ['port', 'host'],
  },
  help: { usage: 'help [COMMAND]', summary: 'this text, or one command in detail', options: [] },
};

const OPTION_TEXT: Record<string, string> = {
  config: '--config FILE       the config file (default: $TOKENVAULT_CONFIG; without either, dev mode)',
  port: '--port N            port to listen on',
  host: '--host H            address to listen on (default 127.0.0.1)',
  env: '--env ENV           an environment the config defines',
  name: '--name NAME         a name for people',
  role: '--role ROLE         credentials-reader, connections-manager, api-reader, api-caller, agent or admin; repeatable',
  resource: '--resource PATTERN  narrows the --role just before it, e.g. connections/github/users/*/credentials',
  'expires-in-days': '--expires-in-days N the key stops working after N days',
  'expires-in': '--expires-in DURATION the grant stops working after 90s, 15m, 1h, 7d…; without it, until revoked',
  client: '--client ID         a service client id (sc_…)',
  key: '--key KEY           the access key itself (lands in shell history and ps: prefer --key-file)',
  'key-file': '--key-file FILE     read the access key from FILE, or from stdin with -',
  url: '--url URL           the vault, as the JWT names it (default $TOKENVAULT_PUBLIC_URL or http://127.0.0.1:7007)',
  lifetime: '--lifetime SECONDS  1 to 86400 (the vault accepts at most 24 h); default 3600',
  category: `--category C        only one category: ${PROVIDER_CATEGORIES.join(', ')}`,
};

const ROLES_NOTE = `Roles: credentials-reader, connections-manager, api-reader, api-caller, agent, admin. A --resource applies to the
--role before it; a role without one covers the whole environment. Patterns: connections/PROVIDER/users/USER/
credentials (or .../proxy, for api-reader and api-caller) or a prefix of it, where any value may be *; clients;
audit; webhooks.`;

const GLOBAL = `Options for every command: --help, --verbose (stack traces), --json (machine-readable output where
a command prints data). tokenvault --version prints the version.
Exit codes: 0 ok, 1 failure (the message says what failed and what to check), 2 usage (unknown command or
option, a missing or malformed argument, an --env the config does not define, no config and no dev vault).`;

export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => (c.usage.length > 50 ? 0 : c.usage.length)));
  const lines = Object.values(COMMANDS).map(({ usage: line, summary }) =>
    line.length > width ? `  ${line}\n  ${' '.repeat(width)}  ${summary}` : `  ${line.padEnd(width)}  ${summary}`,
  );
  return `Usage: tokenvault <command> [options]\n\n${lines.join('\n')}\n\n${GLOBAL}\nMore: tokenvault help COMMAND.`;
}

/** One command in detail: usage, what it does, each option. */
export function commandHelp(name: string): string {
  const command = COMMANDS[name] as CommandHelp;
  const options = command.options.map((option) => `  ${OPTION_TEXT[option]}`);
  if (command.json) options.push('  --json              print the result as JSON');
  return [
    `Usage: tokenvault ${command.usage}`,
    '',
    `  ${command.summary}`,
    ...(options.length > 0 ? ['', 'Options:', ...options] : []),
    ...(command.options.includes('role') ? ['', ROLES_NOTE] : []),
    '',
    GLOBAL,
  ].join('\n');
}
