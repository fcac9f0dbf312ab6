import { Agent, request } from 'node:http';

export interface LoadTally {
  /** Whole 200 answers. */
  ok: number;
  /** Of those, the ones that arrived after `markSignal()`. */
  okAfterSignal: number;
  /** Answers that were not a whole 200: requests the server accepted and then failed or cut. */
  failed: string[];
  /** Requests that got not one byte of an answer (refused, or reset before it), with when they failed. */
  unanswered: { code: string; at: number }[];
}

type Outcome = { status: number; text: string } | { error: string; answered: boolean };

/**
 * `clients` keep-alive connections, each sending `POST url` one request after another until a connection is
 * refused: the load ends by itself once the server stops listening.
 */
export function keepAliveLoad(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  clients: number;
}) {
  const tally: LoadTally = { ok: 0, okAfterSignal: 0, failed: [], unanswered: [] };
  let signalledAt = Number.POSITIVE_INFINITY;
  const waiting = new Set<{ count: number; resolve(): void }>();

  async function client() {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A server that never stops answering badly must not keep the test going: enough failures end the load.
      for (let unansweredInARow = 0; unansweredInARow < 3 && tally.failed.length < 100; ) {
        const outcome = await post(agent, options);
        if ('error' in outcome && !outcome.answered) {
          tally.unanswered.push({ code: outcome.error, at: performance.now() });
          if (outcome.error === 'ECONNREFUSED') return;
          unansweredInARow += 1;
          continue;
        }
        unansweredInARow = 0;
        if ('error' in outcome || outcome.status !== 200) {
          tally.failed.push('error' in outcome ? outcome.error : `${outcome.status} ${outcome.text.slice(0, 200)}`);
          continue;
        }
        tally.ok += 1;
        if (performance.now() > signalledAt) tally.okAfterSignal += 1;
        for (const waiter of waiting) {
          if (tally.ok < waiter.count) continue;
          waiting.delete(waiter);
          waiter.resolve();
        }
      }
    } finally {
      agent.destroy();
    }
  }

  const done = Promise.all(Array.from({ length: options.clients }, client));
  return {
    tally,
    done,
    /** Resolves once `count` requests were answered 200. */
    reached: (count: number) =>
      tally.ok >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.add({ count, resolve })),
    /** Call right before sending the signal; returns the moment it marks. */
    markSignal: () => (signalledAt = performance.now()),
  };
}

function post(agent: Agent, options: { url: string; headers: Record<string, string>; body: string }) {
  return new Promise<Outcome>((resolve) => {
    let answered = false;
    const headers = { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
    const req = request(options.url, { method: 'POST', agent, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', () => {}); // an answer cut short shows as incomplete on close
      res.on('close', () => resolve(res.complete ? { status: res.statusCode ?? 0, text } : { error: 'cut', answered }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!answered) resolve({ error: err.code ?? err.message, answered });
    });
    req.end(options.body);
  });
}
