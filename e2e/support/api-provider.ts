import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the API server saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  bodyBytes: number;
}

/**
 * A small GitHub-like provider over HTTP: an OAuth 2.0 server that approves at once (with refresh tokens) and an
 * API that takes only the newest access tokens. `/user/repos` lists repositories; the other paths are tools for
 * the proxy's rules (echo, statuses, redirects, large bodies both ways, a body that never ends).
 */
export interface ApiProvider {
  url: string;
  /** Every token endpoint call with grant_type=refresh_token. */
  refreshes: number;
  /** Every API request (not OAuth), in order. */
  seen: SeenRequest[];
  /** Makes every access token issued so far invalid, as an expiry or a revocation at the provider would. */
  expireTokens(): void;
  /** Resolves when the endless answer's connection closes, with the bytes written until then. */
  endlessClosed: Promise<number>;
  /** Resolves when an upload that never ended is cut off, with the bytes received until then. */
  uploadClosed: Promise<number>;
  close(): Promise<void>;
}

export async function startApiProvider(): Promise<ApiProvider> {
  let counter = 0;
  const valid = new Set<string>();
  const statusHits = new Map<string, number>();
  let endlessClosed: (bytes: number) => void = () => {};
  let uploadClosed: (bytes: number) => void = () => {};
  const state = {
    refreshes: 0,
    seen: [] as SeenRequest[],
    expireTokens: () => valid.clear(),
    endlessClosed: new Promise<number>((resolve) => (endlessClosed = resolve)),
    uploadClosed: new Promise<number>((resolve) => (uploadClosed = resolve)),
  };

  const issue = () => {
    counter += 1;
    const token = `gho_token_${counter}`;
    valid.add(token);
    return {
      access_token: token,
      token_type: 'bearer',
      refresh_token: `ghr_${counter}`,
      expires_in: 28_800,
      scope: 'repo',
    };
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://provider');
    if (url.pathname === '/login/oauth/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return void response.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/login/oauth/access_token') {
      const form = new URLSearchParams(await text(request));
      if (form.get('grant_type') === 'refresh_token') state.refreshes += 1;
      return json(response, 200, issue());
    }
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (url.pathname === '/user') {
      if (!valid.has(token)) return json(response, 401, { message: 'Bad credentials' });
      return json(response, 200, { id: 4242, login: 'octo' });
    }
    if (url.pathname === '/upload-endless') {
      let bytes = 0;
      request.on('data', (chunk: Buffer) => (bytes += chunk.length));
      request.on('close', () => uploadClosed(bytes));
      return;
    }
    let bodyBytes = 0;
    for await (const chunk of request) bodyBytes += (chunk as Buffer).length;
    state.seen.push({
      method: request.method ?? '',
      path: url.pathname,
      query: url.search,
      headers: request.headers,
      bodyBytes,
    });
    if (!valid.has(token)) return json(response, 401, { message: 'Bad credentials' });
    if (url.pathname === '/user/repos') {
      return json(response, 200, [{ full_name: 'octo/hello-world' }, { full_name: 'octo/spoon-knife' }], {
        link: '<http://provider/user/repos?page=2>; rel="next"',
        'set-cookie': 'tracking=1; Path=/',
      });
    }
    if (url.pathname === '/chunked') return chunked(response, Number(url.searchParams.get('parts')));
    if (url.pathname === '/echo') return json(response, 200, { method: request.method, query: url.search, bodyBytes });
    const status = /^\/status\/(\d{3})$/.exec(url.pathname);
    if (status) {
      // The first `fail` calls of a key answer the status; later ones succeed.
      const key = url.searchParams.get('key') ?? '';
      const hits = (statusHits.get(key) ?? 0) + 1;
      statusHits.set(key, hits);
      if (hits > Number(url.searchParams.get('fail') ?? 1)) return json(response, 200, { hits });
      const retryAfter = url.searchParams.get('retryAfter');
      return json(response, Number(status[1]), { hits }, retryAfter === null ? {} : { 'retry-after': retryAfter });
    }
    if (url.pathname === '/redirect') {
      return void response.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    }
    if (url.pathname === '/download') return download(response, Number(url.searchParams.get('bytes')));
    if (url.pathname === '/upload') return json(response, 200, { bodyBytes });
    if (url.pathname === '/endless') return endless(response, endlessClosed);
    json(response, 404, { message: 'Not Found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

async function text(request: IncomingMessage): Promise<string> {
  let out = '';
  for await (const chunk of request) out += chunk;
  return out;
}

/** `bytes` bytes, written as fast as the reader takes them. */
/** A small answer in `parts` writes with no declared length (chunked), as many APIs send JSON. */
function chunked(response: ServerResponse, parts: number) {
  response.writeHead(200, { 'content-type': 'text/plain' });
  for (let part = 1; part <= parts; part++) response.write(`part ${part};`);
  response.end();
}

function download(response: ServerResponse, bytes: number) {
  const chunk = Buffer.alloc(64 * 1024, 'd');
  let left = bytes;
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes) });
  const pump = () => {
    while (left > 0) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      if (!response.write(part)) return;
    }
    response.end();
  };
  response.on('drain', pump);
  pump();
}

/** Bytes forever, as fast as the reader takes them, until it hangs up. */
function endless(response: ServerResponse, closed: (bytes: number) => void) {
  const chunk = Buffer.alloc(64 * 1024, 'e');
  let bytes = 0;
  response.writeHead(200, { 'content-type': 'application/octet-stream' });
  const pump = () => {
    while (!response.destroyed) {
      bytes += chunk.length;
      if (!response.write(chunk)) return;
    }
  };
  response.on('drain', pump);
  response.on('close', () => closed(bytes));
  pump();
}
