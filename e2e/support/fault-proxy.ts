import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string } // answer this instead of forwarding
  | { kind: 'hang' } // never answer (the socket is destroyed on close())
  | { kind: 'reset' } // destroy the client socket without answering (ECONNRESET at the client)
  | { kind: 'lose-response' } // forward to the upstream, wait for its complete answer, then destroy the client socket without sending it
  | { kind: 'hold'; until: Promise<Fault | 'forward'> }; // wait until the promise resolves, then apply what it gives

export interface FaultProxy {
  readonly url: string;
  /** Upstream origin, e.g. http://127.0.0.1:1234; read on every forwarded request. */
  target: string;
  /** Queue faults for the next matching requests, in order; with the queue empty, matching requests are forwarded. */
  next(...faults: Fault[]): void;
  /** Requests that matched (refresh-token grants), whatever happened to them. */
  readonly matched: number;
  /** Resolves when the n-th matching request (1-based, counted since start) has arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** An HTTP proxy in front of a token endpoint that fails refresh-token grants on demand. */
export async function startFaultProxy(): Promise<FaultProxy> {
  const queue: Fault[] = [];
  const waiters = new Set<{ n: number; resolve: () => void }>();
  const sockets = new Set<Socket>();
  let matched = 0;

  function send(req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
    const target = new URL(proxy.target);
    const headers = { ...endToEnd(req.headers), 'content-length': String(body.length) };
    return new Promise((resolve, reject) => {
      // agent: false gives every request its own socket, so no test sees a pooled one.
      const upstream = request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false },
        resolve,
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function forward(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    let answer: IncomingMessage;
    try {
      answer = await send(req, body);
    } catch {
      // The upstream is unreachable: answer as a gateway would.
      res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' }).end('upstream unreachable');
      return;
    }
    res.writeHead(answer.statusCode ?? 502, { ...endToEnd(answer.headers), connection: 'close' });
    await pipeline(answer, res);
  }

  async function apply(fault: Fault | 'forward', req: IncomingMessage, body: Buffer, res: ServerResponse) {
    if (req.socket.destroyed) return; // the client gave up or close() ran while a hold was pending
    if (fault === 'forward') return forward(req, body, res);
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { ...fault.headers, connection: 'close' }).end(fault.body);
        return;
      case 'hang':
        return;
      case 'reset':
        // An RST rather than a FIN, so the client sees ECONNRESET and not a clean close.
        req.socket.resetAndDestroy();
        return;
      case 'lose-response': {
        const answer = await send(req, body);
        answer.resume();
        await once(answer, 'end');
        req.socket.destroy();
        return;
      }
      case 'hold':
        return apply(await fault.until, req, body, res);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const isRefresh =
      req.method === 'POST' && new URLSearchParams(body.toString('utf8')).get('grant_type') === 'refresh_token';
    if (!isRefresh) return forward(req, body, res);
    matched += 1;
    for (const waiter of waiters) {
      if (waiter.n > matched) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
    return apply(queue.shift() ?? 'forward', req, body, res);
  }

  // Any failure mid-exchange (client gone, upstream dropped, hold rejected) can only end as a dropped connection.
  const server = createServer((req, res) => void handle(req, res).catch(() => req.socket.destroy()));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  let closing: Promise<void> | undefined;
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    target: '', // until a test sets it, forwarding answers 502
    next: (...faults) => void queue.push(...faults),
    get matched() {
      return matched;
    },
    arrived: (n) => (matched >= n ? Promise.resolve() : new Promise((resolve) => waiters.add({ n, resolve }))),
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
  return proxy;
}
