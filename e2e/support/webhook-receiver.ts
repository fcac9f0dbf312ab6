import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  /** The parsed JSON body, or the raw text when a correctly signed body was not JSON (answered 400). */
  payload: unknown;
  answeredStatus: number;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:PORT/hooks` */
  readonly url: string;
  /** Every verified request, in arrival order, including ones answered with a failure. */
  readonly received: ReceivedWebhook[];
  /** Requests whose signature did not verify (answered 401). */
  readonly rejected: number;
  /** Answer the next n verified requests with this status (default 500) instead of 204. */
  failNext(n: number, status?: number): void;
  /**
   * Answer the next verified request whose payload `matches` only once `until` resolves; resolves when that
   * request has arrived.
   */
  holdNext(until: Promise<void>, matches?: (payload: unknown) => boolean): Promise<void>;
  /** Resolves with the delivered webhooks when at least `count` requests were answered 2xx. */
  waitForDelivered(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A real HTTP endpoint that checks each POST with the reference Standard Webhooks library, not ours. */
export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  // Raw secrets go in as UTF-8 bytes: given a string, the library keeps only the low byte of each UTF-16 unit.
  const webhook = secret.startsWith('whsec_')
    ? new Webhook(secret)
    : new Webhook(new TextEncoder().encode(secret), { format: 'raw' });
  const received: ReceivedWebhook[] = [];
  let rejected = 0;
  let failures = { left: 0, status: 500 };
  let hold: { until: Promise<void>; matches(payload: unknown): boolean; arrived(): void } | undefined;
  const listeners = new Set<() => void>();
  const delivered = () => received.filter((hook) => hook.answeredStatus >= 200 && hook.answeredStatus < 300);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/hooks') {
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req);
    try {
      webhook.verify(body, req.headers as Record<string, string>, { jsonParse: false });
    } catch (err) {
      if (!(err instanceof WebhookVerificationError)) throw err;
      rejected++;
      res.writeHead(401).end();
      return;
    }
    let status = 204;
    if (failures.left > 0) {
      failures.left--;
      status = failures.status;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      // Kept as text and answered 400, so a test sees the bad body instead of timing out.
      payload = body;
      status = 400;
    }
    if (hold?.matches(payload)) {
      const held = hold;
      hold = undefined;
      held.arrived();
      await held.until;
    }
    received.push({
      id: String(req.headers['webhook-id']),
      timestamp: Number(req.headers['webhook-timestamp']),
      payload,
      answeredStatus: status,
    });
    res.writeHead(status).end();
    for (const listener of [...listeners]) listener();
  }

  const server = createServer((req, res) => {
    // Only a client that went away mid-body gets here; there is no one left to answer.
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    get rejected() {
      return rejected;
    },
    failNext(n, status = 500) {
      failures = { left: n, status };
    },
    holdNext(until, matches = () => true) {
      return new Promise((arrived) => (hold = { until, matches, arrived }));
    },
    waitForDelivered(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const done = delivered();
          if (done.length < count) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(done);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          const summary = `${received.length} verified, ${rejected} rejected`;
          reject(new Error(`${delivered().length} of ${count} webhooks delivered in ${timeoutMs} ms (${summary})`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The vault's fetch keeps connections alive; close() alone would wait for them.
        server.closeAllConnections();
      });
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
