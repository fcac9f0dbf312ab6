import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Fault, type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { freePort, sleep } from './support/net.js';

// The proxy must fail exactly the refresh-token grants it was told to, in order, and forward everything else
// byte for byte; otherwise the journeys built on it test the proxy instead of the vault.
describe('fault proxy', () => {
  let upstream: Server;
  let proxy: FaultProxy;
  let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[];
  let answered: number; // POSTs the upstream finished answering
  let delayMs: number;

  beforeEach(async () => {
    seen = [];
    answered = 0;
    delayMs = 0;
    upstream = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('not a token request');
        return;
      }
      res.on('finish', () => answered++);
      // Headers first and the body later, so a proxy that stops at the headers is caught.
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' }).flushHeaders();
      await sleep(delayMs);
      res.end(JSON.stringify({ access_token: 'a', token_type: 'Bearer' }));
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    proxy = await startFaultProxy();
    proxy.target = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
  });

  afterEach(async () => {
    await proxy.close();
    upstream.closeAllConnections();
    upstream.close();
    await once(upstream, 'close');
  });

  const posts = () => seen.filter((r) => r.method === 'POST').length;
  const refresh = (init: RequestInit = {}, path = '/oauth/token') =>
    fetch(`${proxy.url}${path}`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x' }),
      ...init,
    });
  /** The error fetch rejected with, to assert on its cause. */
  const failure = (response: Promise<Response>) =>
    response.then(
      () => expect.fail('fetch should have failed'),
      (err: Error & { cause?: { code?: string } }) => err,
    );

  it('forwards method, path, query, body and headers both ways', async () => {
    const response = await refresh({ headers: { 'x-client': 'vault' } }, '/oauth/token?tenant=t1');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-upstream')).toBe('yes');
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ access_token: 'a', token_type: 'Bearer' });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe('/oauth/token?tenant=t1');
    expect(request?.body).toBe('grant_type=refresh_token&refresh_token=x');
    expect(request?.headers['x-client']).toBe('vault');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.headers['content-length']).toBe(String(request?.body.length));
    expect(request?.headers.host).toBe(new URL(proxy.target).host);
    expect(proxy.matched).toBe(1);
  });

  it('forwards non-matching requests untouched while faults are queued', async () => {
    proxy.next({ kind: 'status', status: 500 });
    const get = await fetch(`${proxy.url}/.well-known/openid-configuration`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('not a token request');
    const code = await fetch(`${proxy.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'c' }),
    });
    expect(code.status).toBe(200);
    const put = await refresh({ method: 'PUT' });
    expect(put.status).toBe(200);
    expect(seen.map((r) => `${r.method} ${r.body}`)).toEqual([
      'GET ',
      'POST grant_type=authorization_code&code=c',
      'PUT grant_type=refresh_token&refresh_token=x',
    ]);
    expect(proxy.matched).toBe(0);
    // The queued fault was kept for the first refresh.
    expect((await refresh()).status).toBe(500);
    expect(proxy.matched).toBe(1);
  });

  it('answers a status fault itself, with its headers and body, without calling the upstream', async () => {
    proxy.next({ kind: 'status', status: 429, headers: { 'retry-after': '7' }, body: '{"error":"slow_down"}' });
    const response = await refresh();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toBe('{"error":"slow_down"}');
    expect(posts()).toBe(0);
  });

  it('resets the connection without calling the upstream', async () => {
    proxy.next({ kind: 'reset' });
    const err = await failure(refresh());
    expect(err.cause?.code).toBe('ECONNRESET');
    expect(posts()).toBe(0);
    expect(proxy.matched).toBe(1);
  });

  it('hangs until the client gives up, and close() still ends a hung request at once', async () => {
    proxy.next({ kind: 'hang' }, { kind: 'hang' });
    const err = await failure(refresh({ signal: AbortSignal.timeout(300) }));
    expect(err.name).toBe('TimeoutError');
    const hung = failure(refresh());
    await proxy.arrived(2);
    const started = Date.now();
    await proxy.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await hung).message).toBe('fetch failed');
    expect(posts()).toBe(0);
  });

  it('loses the response only after the upstream has answered in full', async () => {
    // The slow upstream would still be answering if the proxy dropped the client early.
    delayMs = 200;
    proxy.next({ kind: 'lose-response' });
    const err = await failure(refresh());
    expect(err.message).toBe('fetch failed');
    expect(answered).toBe(1);
    expect(posts()).toBe(1);
  });

  it('holds a request until the test releases it, then applies what it was given', async () => {
    let release: (fault: Fault | 'forward') => void = () => {};
    let settled = false;
    proxy.next({ kind: 'hold', until: new Promise((resolve) => (release = resolve)) });
    const held = refresh().finally(() => (settled = true));
    await proxy.arrived(1);
    await sleep(100);
    expect(settled).toBe(false);
    expect(posts()).toBe(0);
    release('forward');
    expect((await held).status).toBe(200);
    expect(posts()).toBe(1);

    // A hold can also end in a fault.
    proxy.next({ kind: 'hold', until: sleep(50).then(() => ({ kind: 'status', status: 503 }) as const) });
    expect((await refresh()).status).toBe(503);
    expect(posts()).toBe(1);
  });

  it('applies queued faults in order, then forwards', async () => {
    proxy.next({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    let secondArrived = false;
    void proxy.arrived(2).then(() => (secondArrived = true));
    const statuses = [(await refresh()).status];
    expect(secondArrived).toBe(false);
    statuses.push((await refresh()).status);
    expect(secondArrived).toBe(true);
    statuses.push((await refresh()).status);
    expect(statuses).toEqual([500, 503, 200]);
    expect(posts()).toBe(1);
    expect(proxy.matched).toBe(3);
    await expect(proxy.arrived(3)).resolves.toBeUndefined();
  });

  it('answers 502 when the upstream is unreachable', async () => {
    proxy.target = `http://127.0.0.1:${await freePort()}`;
    const response = await refresh();
    expect(response.status).toBe(502);
    expect(posts()).toBe(0);
  });
});
