import { once } from 'node:events';
import { isLoopback } from '@tokenvault/core';
import { CliError } from '../cli-error.js';
import { loadDemo } from '../demo-loader.js';
import { listenError } from '../listen.js';

/** Documented in docs/configuration.md: this provider runs on loopback only, so its secret protects nothing. */
export const DEMO_PROVIDER_CLIENT = { clientId: 'tokenvault-demo', clientSecret: 'tokenvault-demo-secret' };

/**
 * `tokenvault demo-provider`: the dev mode's OpenID provider on its own, accepting any loopback redirect URI, so
 * an operator can try a real config (any publicUrl on this machine, any provider id) end to end. Runs until
 * SIGINT or SIGTERM.
 */
export async function runDemoProvider(args: { port?: number; host?: string; print: (line: string) => void }) {
  const host = args.host ?? '127.0.0.1';
  if (!isLoopback(host.includes(':') ? `[${host}]` : host)) {
    throw new CliError(`--host ${host}: the demo provider listens on loopback only (127.0.0.1, ::1 or localhost)`, 2);
  }
  const port = args.port ?? 0;
  const { startDemoProvider } = await loadDemo();
  const demo = await startDemoProvider({
    host,
    port,
    anyLoopbackRedirect: true,
    clients: [{ ...DEMO_PROVIDER_CLIENT, redirectUris: ['http://127.0.0.1/callback'] }],
  }).catch((err: unknown) => {
    throw listenError(err, port, host);
  });
  args.print(`Demo OpenID provider listening on ${demo.issuer}`);
  args.print('  any username and password log in; any loopback redirect URI is accepted');
  args.print('  in tokenvault.yaml:');
  args.print('    preset: oidc');
  args.print(`    issuer: ${demo.issuer}`);
  args.print(`    clientId: ${DEMO_PROVIDER_CLIENT.clientId}`);
  args.print(`    clientSecret: ${DEMO_PROVIDER_CLIENT.clientSecret}`);
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await demo.close();
}
