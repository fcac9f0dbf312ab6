import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallerSignal, HeaderRecord, ProxyAnswer, Upstream } from '@tokenvault/core';
import { getPath, tryDecodeURIComponent } from 'hono/utils/url';
import type { ServerOptions } from './context.js';
import { describeCause, errorAnswer } from './errors.js';
import { answerHeaders, nodeHeaders, proxiedPath, retriesWanted } from './proxy/proxy-exchange.js';
import { undiciUpstream } from './proxy/undici-upstream.js';
import { logRequest, requestIdOf } from './request-log.js';
import { serviceClient } from './service-auth.js';

/**
 * A request target the Node adapter hands to the app as it is (`@hono/node-server` re-serializes anything else
 * through `new URL`): only characters no URL serializer rewrites, and no `.`/`..` segment, which it would resolve.
 * Anything else, and a `Host` that is not a plain name and port, goes to the app, whatever it is.
 */
const PLAIN_TARGET = /^\/v1\/users\/[\w\-.~!$&()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?=[/?]|$)/i;
const PLAIN_HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;

/** The service proxy routes as the app's router sees them: Hono's path (getPath, its decoding), each id one segment. */
const ROUTE = /^\/v1\/users\/([^/]+)\/(connected-accounts|providers)\/([^/]+)\/proxy(?:\/|$)/;
/** The app's route paths, whose segment count says where the proxied path starts (proxy-exchange.ts). */
const ROUTE_PATH = {
  'connected-accounts': '/v1/users/:userId/connected-accounts/:accountId/proxy/*',
  providers: '/v1/users/:userId/providers/:provider/proxy/*',
};

/**
 * The service clients' proxied calls, `ANY /v1/users/{userId}/{connected-accounts/{id}|providers/{provider}}/proxy/…`
 * without a request body, served on the Node request itself (docs/architecture.md, "The proxy on Node"): the app's
 * steps from the same functions (request id and log line, service-client authentication, the call's headers, path
 * and `Tokenvault-Retries`, `vault.proxy` with the same upstream, the answer's headers, the error table), without
 * the web Request and Response the app builds around them. Returns false for every other request, which the app
 * then serves: the browser's `/v1/me` calls, a request with a body (the app streams it), and a target or `Host`
 * the Node adapter would rewrite.
 */
export function nodeProxy(options: ServerOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { vault, logger } = options;
  const upstream: Upstream = options.upstream ?? undiciUpstream();
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith('/v1/users/') || !PLAIN_TARGET.test(url) || DOT_SEGMENT.test(url)) return false;
    const length = req.headers['content-length'];
    if (req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) return false;
    if (!PLAIN_HOST.test(req.headers.host ?? '')) return false;
    const path = getPath({ url: `http://vault${url}` } as Request);
    const match = ROUTE.exec(path);
    if (!match) return false;
    serve(req, res, url, path, match).catch((err: unknown) => {
      // Only writing the answer or its log line can get here (everything before maps to an answer).
      logger?.error({ cause: describeCause(err) }, 'answering a proxied call failed');
      if (!res.writableEnded) res.destroy();
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, url: string, path: string, match: RegExpExecArray) {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const headers = nodeHeaders(req.headers);
    const requestId = requestIdOf(headers['x-request-id']);
    const [, user, kind, id] = match as unknown as [string, string, 'connected-accounts' | 'providers', string];
    let status: number;
    let answer: ProxyAnswer;
    let out: HeaderRecord;
    try {
      const { principal, caller } = await serviceClient(vault, headers.authorization, requestId);
      const target = tryDecodeURIComponent(id);
      const query = url.indexOf('?');
      answer = await vault.proxy(
        {
          env: principal.env,
          userId: tryDecodeURIComponent(user),
          ...(kind === 'connected-accounts' ? { accountId: target } : { provider: target }),
          method,
          path: proxiedPath(query === -1 ? url : url.slice(0, query), ROUTE_PATH[kind]),
          query: query === -1 ? '' : url.slice(query + 1),
          headers,
          // No body came (requests with one go to the app); the app's adapter still hands an empty one to methods
          // that may carry one, which the provider then sees as `Content-Length: 0`.
          body: method === 'GET' || method === 'HEAD' || method === 'TRACE' ? null : emptyBody(),
          signal: new CallerGone(res),
          retries: retriesWanted(headers['tokenvault-retries']),
        },
        caller,
        upstream,
      );
      out = answerHeaders(answer, false, requestId);
      status = answer.status;
    } catch (caught) {
      const failed = errorAnswer(caught, requestId, logger);
      const text = JSON.stringify(failed.body);
      const head: HeaderRecord = { 'content-type': 'application/json', 'x-request-id': requestId };
      if (failed.retryAfter !== undefined) head['retry-after'] = String(failed.retryAfter);
      head['content-length'] = String(Buffer.byteLength(text));
      res.writeHead(failed.status, head);
      res.end(text);
      logRequest(logger, requestId, method, path, failed.status, started);
      return;
    }
    const body = answer.body;
    if (body instanceof Uint8Array) {
      // Sent in one write, with its length (a chunked answer that arrived whole has none of its own).
      out['content-length'] ??= String(body.byteLength);
      res.writeHead(status, out);
      res.end(body);
    } else {
      res.writeHead(status, out);
      if (body === null) res.end();
      else res.flushHeaders(); // the first bytes of a streamed answer go out as they come
    }
    logRequest(logger, requestId, method, path, status, started);
    if (body instanceof ReadableStream) await pipe(body, res);
  }
}

/**
 * Aborted when the caller's response closes before it has finished (the caller went away): the provider call is
 * aborted with it. Its one or two listeners need no `AbortController` and its event target, which took about 2 % of
 * a proxied call's CPU in a profile (docs/benchmarks.md, "Proxy").
 */
class CallerGone implements CallerSignal {
  aborted = false;
  #listeners: (() => void)[] = [];
  constructor(res: ServerResponse) {
    res.once('close', () => {
      if (res.writableFinished || this.aborted) return;
      this.aborted = true;
      for (const listener of this.#listeners.splice(0)) listener();
    });
  }
  addEventListener(_type: 'abort', listener: () => void) {
    if (!this.aborted) this.#listeners.push(listener);
  }
  removeEventListener(_type: 'abort', listener: () => void) {
    const at = this.#listeners.indexOf(listener);
    if (at !== -1) this.#listeners.splice(at, 1);
  }
}

function emptyBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}

/**
 * Writes a streamed answer to the caller, one chunk per read, waiting for the socket to drain (backpressure). The
 * caller leaving cancels the stream (which aborts the provider call and writes the audit row); a provider that
 * fails mid-answer cuts the connection, so the caller cannot take a partial answer for a whole one.
 */
async function pipe(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        if (!res.destroyed) res.end();
        return;
      }
      if (res.destroyed) return;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const on = () => {
            res.off('drain', on);
            res.off('close', on);
            resolve();
          };
          res.on('drain', on);
          res.on('close', on);
        });
      }
    }
  } catch (err) {
    res.destroy(err instanceof Error ? err : undefined);
  } finally {
    res.off('close', cancel);
  }
}
