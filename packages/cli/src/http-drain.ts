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
 * The answers in progress are counted, not collected: each learns of the drain when it writes its head. A set of
 * them, added to and deleted from on every request, cost a tenth of a token read's CPU: V8 links each table a set
 * outgrows to the one replacing it, so once one table reached the old generation, every later table, and the
 * requests in it, were carried there too (docs/architecture.md, "Nothing per request in long-lived collections").
 */
export function drainableServer(listener: (request: IncomingMessage, response: ServerResponse) => void) {
  let answering = 0;
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

  const server: Server = createServer({ ServerResponse: DrainingResponse }, (request, response) => {
    answering++;
    response.on('close', () => {
      answering--;
      // An answer sent with keep-alive before the drain began leaves its connection idle: close it now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    listener(request, response);
  });

  return {
    server,
    /**
     * `ended`: every connection ended by itself in time, so every accepted request was answered. Otherwise the
     * deadline closed the rest, cutting `cut` answers in progress.
     */
    async drain(timeoutMs: number): Promise<{ ended: boolean; cut: number }> {
      draining = true;
      // Also closes the idle connections (Node 19 and later).
      const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      const outcome = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (outcome === 'closed') return { ended: true, cut: 0 };
      const cut = answering;
      server.closeAllConnections();
      await closed;
      return { ended: false, cut };
    },
  };
}
