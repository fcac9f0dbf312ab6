import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { expiresAt, expiresIn, type Invocation, integer, parseInvocation, required } from './arguments.js';
import { CliError } from './cli-error.js';
import { addKey, createClient, grant, listClients, revokeGrant, revokeKey, withVault } from './commands/clients.js';
import { runDemoProvider } from './commands/demo-provider.js';
import { rotateKeys } from './commands/keys.js';
import { migrate } from './commands/migrate.js';
import { listProviders, showProvider, validateProvider } from './commands/providers.js';
import { serve } from './commands/serve.js';
import { token } from './commands/token.js';
import { errorText } from './error-text.js';
import { COMMANDS, commandHelp, usage } from './help.js';
import { printLine } from './output.js';
import { configFileFrom } from './vault-source.js';

type Print = (line: string) => void;

/** Runs one command and returns the process exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], print: Print = printLine): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    const invocation = parseInvocation(argv);
    const { command, operands, values } = invocation;
    verbose = values.verbose ?? false;
    if (values.version) {
      print(version());
      return 0;
    }
    if (command === 'help' || (command === undefined && values.help)) return help(operands, print);
    if (command === undefined) {
      print(usage());
      return 2;
    }
    if (values.help) {
      print(commandHelp(command));
      return 0;
    }
    return await run(command, invocation, print);
  } catch (err) {
    console.error(`tokenvault: ${errorText(err)}`);
    if (verbose && err instanceof Error) console.error(err.stack);
    return err instanceof CliError ? err.exitCode : 1;
  }
}

function help(operands: string[], print: Print): number {
  const name = operands.join(' ');
  if (!name) print(usage());
  else if (Object.hasOwn(COMMANDS, name)) print(commandHelp(name));
  else throw new CliError(`no command '${name}' (tokenvault help lists them)`, 2);
  return 0;
}

function version(): string {
  // One level above both src/ and dist/.
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return `tokenvault ${manifest.version}`;
}

async function run(command: string, { operands, values, grants }: Invocation, print: Print): Promise<number> {
  const takesOperand = command === 'providers show' || command === 'providers validate';
  if (operands.length !== (takesOperand ? 1 : 0)) {
    throw new CliError(`usage: tokenvault ${COMMANDS[command]?.usage} (tokenvault help ${command})`, 2);
  }
  const operand = operands[0] as string;
  const json = values.json ?? false;
  const config = configFileFrom(values.config);
  const vault = { config, command };
  switch (command) {
    case 'serve':
      return serveUntilSignalled(values, config, print);
    case 'demo-provider':
      await runDemoProvider({
        ...(values.port !== undefined && { port: integer(values.port, '--port') }),
        ...(values.host !== undefined && { host: values.host }),
        print,
      });
      return 0;
    case 'migrate':
      await migrate({ config, json, print });
      return 0;
    case 'clients create': {
      const env = required(values.env, '--env');
      const name = required(values.name, '--name');
      const input = { env, name, grants, expiresAt: expiresAt(values['expires-in-days']) };
      await withVault({ ...vault, env }, (v) => createClient(v, input, print, json));
      return 0;
    }
    case 'clients list': {
      const env = required(values.env, '--env');
      await withVault({ ...vault, env }, (v) => listClients(v, env, print, json));
      return 0;
    }
    case 'clients keys add': {
      const env = required(values.env, '--env');
      const client = required(values.client, '--client');
      const expiry = expiresAt(values['expires-in-days']);
      await withVault({ ...vault, env }, (v) => addKey(v, env, client, expiry, print, json));
      return 0;
    }
    case 'clients keys revoke': {
      const env = required(values.env, '--env');
      const client = required(values.client, '--client');
      const key = required(values.key, '--key');
      await withVault({ ...vault, env }, (v) => revokeKey(v, env, client, key, print, json));
      return 0;
    }
    case 'clients grant':
    case 'clients revoke-grant': {
      const env = required(values.env, '--env');
      const client = required(values.client, '--client');
      const [one, ...more] = grants;
      if (!one || more.length > 0) throw new CliError('give exactly one --role (and optionally one --resource)', 2);
      if (command === 'clients revoke-grant') {
        await withVault({ ...vault, env }, (v) => revokeGrant(v, env, client, one, print, json));
        return 0;
      }
      const input = { ...one, expiresAt: expiresIn(values['expires-in']) };
      await withVault({ ...vault, env }, (v) => grant(v, env, client, input, print, json));
      return 0;
    }
    case 'keys rotate':
      await withVault(vault, (v) => rotateKeys(v, print, json));
      return 0;
    case 'providers list':
      listProviders(print, { json, ...(values.category !== undefined && { category: values.category }) });
      return 0;
    case 'providers show':
      showProvider(operand, print, { json, ...(config !== undefined && { config }) });
      return 0;
    case 'providers validate':
      return (await validateProvider(operand, print, json)) ? 0 : 1;
    case 'token':
      await token({ values, print, json });
      return 0;
    default:
      throw new CliError(`unknown command '${command}'`, 2);
  }
}

async function serveUntilSignalled(values: Invocation['values'], config: string | undefined, print: Print) {
  const server = await serve({
    ...(config !== undefined && { config }),
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
