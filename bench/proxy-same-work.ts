import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent, request } from 'undici';
import { decryptToken, env, keyUsable, log, principalOf, readAccount, recordAudit } from './same-work.js';

/**
 * The same-work baseline of a proxied call (docs/benchmarks.md): a plain node:http server doing what the vault's
 * proxy must for `…/connected-accounts/{id}/proxy/{path}`, with nothing of the vault's code. Find the
 * already-verified service JWT by its text; check its key is not revoked (at most every 500 ms); one prepared read
 * of the account; AES-256-GCM decryption of its token; refuse a path that leaves the API; forward to the upstream
 * with undici (the caller's credentials and hop-by-hop headers stripped, the token added, bodies streamed both
 * ways, no redirect followed: undici's `request` follows none), the answer's hop-by-hop headers and `Set-Cookie`
 * dropped; one audit row once the answer's body has ended, stored with group commit and not waited for (as the
 * vault's proxy does); one JSON log line. It reads the database a vault created (the environment
 * bench/same-work.ts names) and prints its port on the first line; SAME_WORK_UPSTREAM is the API's origin.
 */
const upstream = env('SAME_WORK_UPSTREAM');
const upstreamHost = new URL(upstream).host;
const agent = new Agent({ connections: 256 });
const PATH = /^\/v1\/users\/([^/]+)\/connected-accounts\/([^/]+)\/proxy(\/[^?]*)?(\?.*)?$/;
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const NOT_FORWARDED = new Set([...HOP_BY_HOP, 'authorization', 'cookie', 'host', 'forwarded']);
const NOT_RETURNED = new Set([...HOP_BY_HOP, 'set-cookie', 'set-cookie2']);

/** Header pairs for undici, without the names in `drop` or listed in `Connection`. */
function kept(headers: IncomingHttpHeaders, drop: Set<string>, outgoing: boolean): string[] {
  const listed = headers.connection?.toLowerCase().split(/\s*,\s*/) ?? [];
  const out: string[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || drop.has(name) || listed.includes(name)) continue;
    if (outgoing && (name.startsWith('x-forwarded-') || name.startsWith('tokenvault-'))) continue;
    if (Array.isArray(value)) for (const one of value) out.push(name, one);
    else out.push(name, value);
  }
  return out;
}

function refuse(res: ServerResponse, status: number, error: string): number {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error }));
  return status;
}

async function proxied(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<number> {
  const started = performance.now();
  const match = PATH.exec(req.url ?? '');
  const principal = principalOf(req.headers.authorization);
  if (!match) return refuse(res, 404, 'not_found');
  if (!principal || !(await keyUsable(principal))) return refuse(res, 401, 'unauthorized');
  const path = match[3] ?? '/';
  if (path.startsWith('//') || path.includes('\\') || /(^|\/)\.\.?(\/|$)|%2e|%5c/i.test(path)) {
    return refuse(res, 400, 'invalid_request');
  }
  const userId = decodeURIComponent(match[1] as string);
  const account = await readAccount(match[2] as string, 'development', userId);
  if (account?.status !== 'active') return refuse(res, 404, 'not_found');
  const headers = kept(req.headers, NOT_FORWARDED, true);
  headers.push('authorization', `Bearer ${decryptToken(account, 'access_token')}`);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const answer = await request(`${upstream}${path}${match[4] ?? ''}`, {
    method: method as 'GET',
    headers,
    body: hasBody ? req : null,
    dispatcher: agent,
  });
  res.writeHead(answer.statusCode, [
    ...kept(answer.headers, NOT_RETURNED, false),
    'tokenvault-attempts',
    '1',
    'x-request-id',
    requestId,
  ]);
  let responseBytes = 0;
  answer.body.on('data', (chunk: Buffer) => {
    responseBytes += chunk.byteLength;
  });
  answer.body.on('end', () => {
    recordAudit({
      action: 'proxy.request',
      principal,
      userId,
      account,
      requestId,
      detail: JSON.stringify({
        method,
        host: upstreamHost,
        path,
        status: answer.statusCode,
        requestBytes: Number(req.headers['content-length'] ?? 0),
        responseBytes,
        durationMs: Math.round(performance.now() - started),
      }),
    }).catch((error: unknown) => log.error({ error: String(error) }, 'writing the audit log failed'));
  });
  // The caller went away: the upstream call ends with it.
  res.on('close', () => {
    if (!answer.body.readableEnded) answer.body.destroy();
  });
  answer.body.pipe(res);
  return answer.statusCode;
}

const server = createServer((req, res) => {
  const started = performance.now();
  const requestId = randomUUID();
  proxied(req, res, requestId).then(
    (status) => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log.info({ requestId, method: req.method, path: req.url?.replace(/\?.*/, ''), status, ms }, 'request');
    },
    (error: unknown) => {
      log.error({ error: String(error) }, 'proxy failed');
      if (!res.headersSent) refuse(res, 502, 'provider_unavailable');
      else res.destroy();
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
