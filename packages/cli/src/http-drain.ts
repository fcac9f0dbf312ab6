import type { Server, ServerResponse } from 'node:http';

/**
 * Lets a Node HTTP server stop without failing a request it accepted: `drain()` closes the listener, closes idle
 * keep-alive connections at once and every other one right after its answer (`Connection: close`), and waits
 * for the connections to end up to a deadline, when it cuts what is left.
 */
export function drainable(server: Server) {
  const answering = new Set<ServerResponse>();
  let draining = false;

  server.on('request', (_request, response: ServerResponse) => {
    answering.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.on('close', () => {
      answering.delete(response);
      // An answer sent with keep-alive before the drain began leaves its connection idle: close it now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    /**
     * `ended`: every connection ended by itself in time, so every accepted request was answered. Otherwise the
     * deadline closed the rest, cutting `cut` answers in progress.
     */
    async drain(timeoutMs: number): Promise<{ ended: boolean; cut: number }> {
      draining = true;
      for (const response of answering) if (!response.headersSent) response.setHeader('connection', 'close');
      // Also closes the idle connections (Node 19 and later).
      const closed = new Promise<'closed'>((resolve) => server.close(() => resolve('closed')));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
      const outcome = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (outcome === 'closed') return { ended: true, cut: 0 };
      const cut = answering.size;
      server.closeAllConnections();
      await closed;
      return { ended: false, cut };
    },
  };
}
