import type { IncomingMessage, ServerResponse } from 'node:http';
import { getPath, tryDecodeURIComponent } from 'hono/utils/url';
import { MAX_BODY_BYTES } from './app.js';
import type { ServerOptions } from './context.js';
import { describeCause, errorAnswer } from './errors.js';
import { logRequest, requestIdOf } from './request-log.js';
import { readAccessToken } from './routes/accounts.js';
import { serviceClient } from './service-auth.js';
import { jsonText } from './wire.js';

/** The route as the app's router sees it: Hono's path (getPath, its decoding), then each segment a parameter. */
const ROUTE = /^\/v1\/users\/([^/]+)\/connected-accounts\/([^/]+)\/access-token$/;
const utf8 = new TextDecoder();

/**
 * The service token read, `POST /v1/users/{userId}/connected-accounts/{accountId}/access-token`, served on the
 * Node request itself (docs/architecture.md, "The token read on Node"): the same steps as the app's route, from the
 * same functions (request id and log line, the body limit, service-client authentication, the body's options, the
 * read with its grants and audit row, the error table), without building a web Request and Response around them,
 * which cost more CPU than the read's own work. Returns false for every other request, which the app then serves,
 * and for a body the app must count or refuse (streamed, or declared over the limit).
 */
export function nodeTokenRead(options: ServerOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { vault, logger } = options;
  return (req, res) => {
    const url = req.url ?? '';
    if (req.method !== 'POST' || !url.startsWith('/v1/users/')) return false;
    const length = req.headers['content-length'];
    if (
      req.headers['transfer-encoding'] !== undefined ||
      (length !== undefined && !(Number(length) <= MAX_BODY_BYTES))
    ) {
      return false;
    }
    const path = getPath({ url: `http://vault${url}` } as Request);
    const match = ROUTE.exec(path);
    if (!match) return false;
    const userId = tryDecodeURIComponent(match[1] as string);
    const accountId = tryDecodeURIComponent(match[2] as string);
    serve(req, res, path, userId, accountId).catch((err: unknown) => {
      // Only writing the answer or its log line can get here (everything before maps to an answer): the
      // connection is ended rather than left open or the process brought down.
      logger?.error({ cause: describeCause(err) }, 'answering a token read failed');
      if (!res.writableEnded) res.destroy();
    });
    return true;
  };

  async function serve(req: IncomingMessage, res: ServerResponse, path: string, userId: string, accountId: string) {
    const started = performance.now();
    const requestId = requestIdOf(header(req, 'x-request-id'));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId };
    let status = 200;
    let answer: object;
    try {
      const body = bodyText(req);
      body.catch(() => {}); // awaited below, unless authentication fails first
      const { principal, caller } = await serviceClient(vault, header(req, 'authorization'), requestId);
      answer = await readAccessToken(vault, { env: principal.env, userId }, accountId, jsonText(await body), caller);
      headers['cache-control'] = 'no-store';
    } catch (caught) {
      const failed = errorAnswer(caught, requestId, logger);
      ({ status, body: answer } = failed);
      if (failed.retryAfter !== undefined) headers['retry-after'] = String(failed.retryAfter);
    }
    const text = JSON.stringify(answer);
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(status, headers);
    res.end(text);
    logRequest(logger, requestId, 'POST', path, status, started);
  }
}

/** A header as the app reads it: one value (Node joins repeated ones, and keeps the first `Authorization`). */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body as text, decoded as the app decodes it (UTF-8, a byte order mark dropped); at most its declared length. */
function bodyText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length <= 1 ? utf8.decode(chunks[0]) : utf8.decode(Buffer.concat(chunks))));
    req.on('error', reject);
    // A client gone before the end of its body: the read stops here instead of waiting for ever.
    req.on('close', () => req.complete || reject(new Error('the request was aborted')));
  });
}
