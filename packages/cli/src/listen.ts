import { once } from 'node:events';
import type { Server } from 'node:net';
import { CliError } from './cli-error.js';

/** Listens, turning the errors people meet (a port in use, one that needs privileges) into what to do. */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  server.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (err) {
    throw listenError(err, port, host);
  }
}

export function listenError(err: unknown, port: number, host: string): unknown {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new CliError(
        `port ${port} on ${host} is already in use (another tokenvault?): stop that process, or choose another ` +
          'port with --port N (or port: in the config, or TOKENVAULT_PORT)',
      );
    case 'EACCES':
      return new CliError(`listening on port ${port} needs privileges: choose a port above 1023 with --port N`);
    case 'EADDRNOTAVAIL':
      return new CliError(`${host} is not an address of this machine: fix --host (or host: in the config)`);
    default:
      return err;
  }
}
