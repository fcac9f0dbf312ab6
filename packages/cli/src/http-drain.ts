import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  type Server,
  ServerResponse,
} from 'node:http';

/**
 * A Node HTTP server that can stop without failing a request it accepted: `drain()` closes the listener, closes idle
 * keep-alive connections at once and every other one right after its answer (`Connection: close`), and waits
 * for the connections to end up to a deadline, when it cuts what is left.
 *
 * Nothing is kept or done per request: an answer learns of the drain when it writes its head, and the drain
 * closes what fell idle every IDLE_CHECK_MS. A set of the answers in progress, added to and deleted from on every
 * request, cost a tenth of a token read's CPU: V8 links each table a set outgrows to the one replacing it, so
 * once one table reached the old generation, every later table, and the requests in it, were carried there too
 * (docs/architecture.md, "Nothing per request in long-lived collections").
 */
export function drainableServer(listener: (request: IncomingMessage, response: ServerResponse) => void) {
  let draining = false;

  class DrainingResponse extends ServerResponse {
    // Every answer writes its head through here, `end()` without one included.
    override writeHead(
      statusCode: number,
      message?: string | OutgoingHttpHeaders | OutgoingHttpHeader[],
      headers?: OutgoingHttpHeaders | OutgoingHttpHeader[],
    ): this {
      if (draining) this.setHeader('connection', 'close');
      // Node reads a second argument that is not a string as the headers, as the caller meant it.
      return super.writeHead(statusCode, message as string | undefined, headers);
    }
  }

  const server: Server = createServer({ ServerResponse: DrainingResponse }, listener);

  return {
    server,
    /**
     * `ended`: every connection ended by itself in time, so every accepted request was answered. Otherwise the
     * deadline closed the rest, cutting the answers in progress on `cut` connections.
     */
    async drain(timeoutMs: number): Promise<{ ended: boolean; cut: number }> {
      draining = true;
      // Also closes the idle connections (Node 19 and later).
      const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')));
      // An answer whose head went out with keep-alive before the drain leaves its connection idle once it ends.
      const idle = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      const outcome = await Promise.race([closed, late]);
      clearTimeout(timer);
      clearInterval(idle);
      if (outcome === 'closed') return { ended: true, cut: 0 };
      const cut = await new Promise<number>((resolve) => server.getConnections((_, count) => resolve(count)));
      server.closeAllConnections();
      await closed;
      return { ended: false, cut };
    },
  };
}

/** How soon a connection left idle by an answer begun before the drain is closed. */
const IDLE_CHECK_MS = 50;
