import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP forwarder the test binds first (port 0), so its URL can be a vault's `publicUrl` and a provider's redirect
 * URI before the vault starts; the vault then listens on a port of its own choosing (`--port 0`) and the door
 * forwards to it. No port is ever picked by one process and handed to another, where a third could take it first.
 */
export interface FrontDoor {
  /** `http://127.0.0.1:<port>` of the door. */
  url: string;
  /** Where connections go from now on; connections that arrived before wait for it. */
  forwardTo(url: string): void;
  close(): Promise<void>;
}

export async function openFrontDoor(): Promise<FrontDoor> {
  let target: Promise<number>;
  let setTarget: (port: number) => void = () => {};
  target = new Promise((resolve) => {
    setTarget = resolve;
  });
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    client.pause();
    void target.then((port) => {
      const upstream = connect(port, '127.0.0.1');
      track(upstream);
      // Either side ending or failing ends the other, as a closed connection would for a direct client.
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo(url) {
      const next = Number(new URL(url).port);
      setTarget(next);
      target = Promise.resolve(next);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
