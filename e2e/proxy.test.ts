import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyVault, startProxyVault, USER } from './support/proxy-vault.js';

const CALLER = { role: 'api-caller', resource: 'connections/octo/users/*/proxy' };
const READER = { role: 'api-reader', resource: 'connections/octo/users/*/proxy' };

// Every rule holds on both ways a service client's call is served: the app's route, and the Node route that
// `tokenvault serve` answers calls without a body on (node-proxy.ts), which hands the rest to the app.
describe.each(['app', 'node'] as const)('the API proxy, via the %s', (via) => {
  let v: ProxyVault;
  let caller: string;
  let reader: string;
  beforeAll(async () => {
    v = await startProxyVault({ via });
    caller = await v.clientJwt(CALLER);
    reader = await v.clientJwt(READER);
  });
  afterAll(() => v.close());

  // A worker that holds only api-caller lists the user's repositories without ever holding the token.
  it('lists repositories as the account, by account and by provider', async () => {
    for (const byProvider of [false, true]) {
      const response = await v.call(caller, '/user/repos?per_page=2', {}, byProvider);
      expect(response.status).toBe(200);
      expect(response.headers.get('tokenvault-attempts')).toBe('1');
      expect(await response.json()).toEqual([{ full_name: 'octo/hello-world' }, { full_name: 'octo/spoon-knife' }]);
      const seen = v.provider.seen.at(-1);
      expect(seen?.query).toBe('?per_page=2');
      expect(seen?.headers.authorization).toMatch(/^Bearer gho_token_\d+$/);
      expect(seen?.headers.accept).toBe('application/vnd.github+json');
    }
  });

  // Neither the caller's credentials nor its cookies reach the provider; the provider's cookies never come back.
  it('strips credentials and controls both ways', async () => {
    const response = await v.call(caller, '/user/repos', {
      headers: {
        cookie: 'session=caller-secret',
        'x-forwarded-for': '10.0.0.1',
        'tokenvault-retries': '0',
        'x-custom': 'kept',
        connection: 'x-hop',
        'x-hop': 'dropped',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('link')).toContain('rel="next"');
    const seen = v.provider.seen.at(-1)?.headers ?? {};
    expect(seen.authorization).not.toContain(caller);
    expect(seen.cookie).toBeUndefined();
    expect(seen['x-forwarded-for']).toBeUndefined();
    expect(seen['tokenvault-retries']).toBeUndefined();
    expect(seen['x-hop']).toBeUndefined();
    expect(seen['x-custom']).toBe('kept');
    expect(seen.host).toBe(new URL(v.provider.url).host);
  });

  // The URL parser resolves `..` and `%2e%2e` before routing: what is left either stays below the API base URL or
  // is no proxy route at all. What survives parsing (`..%2f`, a scheme) is refused by the proxy (unit tests in
  // core/test/proxy-target.test.ts cover the raw forms).
  it.each([
    ['/../admin', 404],
    ['/a/%2e%2e/%2e%2e/admin', 404],
    ['/a/..%2fadmin', 400],
    ['/a/%2e%2e%2fadmin', 400],
    ['//evil.example/x', 400],
    ['/https://evil.example/x', 400],
    ['/http:%2f%2fevil.example/x', 400],
  ])('refuses the path %s and calls nobody', async (path, status) => {
    const before = v.provider.seen.length;
    const response = await v.call(caller, path);
    expect(response.status).toBe(status);
    expect(v.provider.seen.length).toBe(before);
  });

  // An api-reader may read through the proxy but never send a write, whatever the method's case.
  it('lets an api-reader GET and refuses it every write', async () => {
    expect((await v.call(reader, '/user/repos')).status).toBe(200);
    const before = v.provider.seen.length;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      const response = await v.call(reader, '/echo', { method, body: method === 'DELETE' ? null : '{}' });
      expect(response.status).toBe(403);
      expect((await response.json()).error).toBe('forbidden');
    }
    expect(v.provider.seen.length).toBe(before);
    expect((await v.call(caller, '/echo', { method: 'POST', body: '{"a":1}' })).status).toBe(200);
  });

  it('refuses clients without a proxy grant, and grants on other users', async () => {
    const manager = await v.clientJwt({ role: 'connections-manager' });
    expect((await v.call(manager, '/user/repos')).status).toBe(403);
    const other = await v.clientJwt({ role: 'api-caller', resource: 'connections/octo/users/someone-else/proxy' });
    expect((await v.call(other, '/user/repos')).status).toBe(403);
    // credentials-reader can read the token anyway, so it may call the API too.
    const tokenReader = await v.clientJwt({
      role: 'credentials-reader',
      resource: 'connections/octo/users/*/credentials',
    });
    expect((await v.call(tokenReader, '/echo', { method: 'POST', body: 'x' })).status).toBe(200);
  });

  // 429 with Retry-After is retried for an idempotent method, and the answer says how many calls were made.
  it('retries a 429 honouring Retry-After, and not when told not to', async () => {
    const response = await v.call(caller, '/status/429?key=a&retryAfter=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('tokenvault-attempts')).toBe('2');
    const off = await v.call(caller, '/status/429?key=b&retryAfter=0', { headers: { 'tokenvault-retries': '0' } });
    expect(off.status).toBe(429);
    expect(off.headers.get('tokenvault-attempts')).toBe('1');
    // A Retry-After beyond the cap is answered to the caller at once.
    const long = await v.call(caller, '/status/503?key=c&retryAfter=3600');
    expect(long.status).toBe(503);
    expect(long.headers.get('retry-after')).toBe('3600');
    expect(long.headers.get('tokenvault-attempts')).toBe('1');
  });

  it('never retries a POST, even on 503', async () => {
    const response = await v.call(caller, '/status/503?key=d&retryAfter=0', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('tokenvault-attempts')).toBe('1');
    expect(v.provider.seen.filter((s) => s.query.includes('key=d'))).toHaveLength(1);
  });

  it('gives up after the configured attempts', async () => {
    const response = await v.call(caller, '/status/502?key=e&fail=10&retryAfter=0');
    expect(response.status).toBe(502);
    expect(response.headers.get('tokenvault-attempts')).toBe('3');
  });

  // A redirect is answered as the provider sent it: the token never goes to the other host.
  it('does not follow a redirect to another host', async () => {
    let hits = 0;
    const other = createServer((_, res) => {
      hits += 1;
      res.end('stolen');
    });
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    const to = `http://127.0.0.1:${(other.address() as AddressInfo).port}/steal`;
    const response = await v.call(caller, `/redirect?to=${encodeURIComponent(to)}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(to);
    expect(hits).toBe(0);
    other.close();
  });

  // A 401 (the token expired or was revoked at the provider) causes one refresh and one retry.
  it('refreshes once on a 401 and retries a replayable call', async () => {
    const refreshes = v.provider.refreshes;
    v.provider.expireTokens();
    const response = await v.call(caller, '/echo', { method: 'POST', body: 'small body' });
    expect(response.status).toBe(200);
    expect(response.headers.get('tokenvault-attempts')).toBe('2');
    expect(await response.json()).toMatchObject({ method: 'POST', bodyBytes: 10 });
    expect(v.provider.refreshes).toBe(refreshes + 1);
  });

  // Tokenvault-Retries: 0 means one call to the provider: a 401 comes back as it was sent, and the refresh still
  // happens, so the next call has a fresh token.
  it('answers a 401 without resending it when told not to retry, and refreshes for the next call', async () => {
    const refreshes = v.provider.refreshes;
    v.provider.expireTokens();
    const sent = v.provider.seen.length;
    const once = await v.call(caller, '/echo', {
      method: 'POST',
      body: 'small body',
      headers: { 'tokenvault-retries': '0' },
    });
    expect(once.status).toBe(401);
    expect(once.headers.get('tokenvault-attempts')).toBe('1');
    expect(await once.json()).toEqual({ message: 'Bad credentials' });
    expect(v.provider.seen.length - sent).toBe(1);
    expect(v.provider.refreshes).toBe(refreshes + 1);
    const next = await v.call(caller, '/echo', {
      method: 'POST',
      body: 'small body',
      headers: { 'tokenvault-retries': '0' },
    });
    expect(next.status).toBe(200);
    expect(next.headers.get('tokenvault-attempts')).toBe('1');
  });

  // A chunked answer (no declared length) arrives as the provider sent it, and its audit row counts its bytes,
  // whether it came whole with its headers or streamed after them.
  it('passes on a chunked answer whole and counts its bytes', async () => {
    const response = await v.call(caller, '/chunked?parts=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBeNull();
    const text = await response.text();
    expect(text).toBe('part 1;part 2;part 3;');
    // The row is written when the body ends, in the audit writer's next batch: wait for it.
    const chunkedRow = async () =>
      (await v.audit(1)).find((row) => row.detail?.includes('"path":"/chunked"'))?.detail ?? null;
    let detail = await chunkedRow();
    while (detail === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      detail = await chunkedRow();
    }
    expect(JSON.parse(detail)).toMatchObject({ status: 200, responseBytes: text.length });
  });

  it('audits each call and counts it in /metrics', async () => {
    await (await v.call(caller, '/user/repos?secret=not-in-audit')).text();
    await (await v.call(caller, '/no-such-thing')).text();
    await (await v.call(reader, '/echo', { method: 'POST', body: 'x' })).text();
    const rows = await v.audit(3);
    const row = rows.find((r) => r.detail?.includes('"path":"/user/repos"') && r.detail.includes('"status":200'));
    expect(row).toMatchObject({ action: 'proxy.request', result: 'ok', userId: USER, provider: 'octo' });
    const detail = JSON.parse(row?.detail ?? '{}');
    expect(detail).toMatchObject({
      method: 'GET',
      host: new URL(v.provider.url).host,
      path: '/user/repos',
      status: 200,
    });
    expect(detail.responseBytes).toBeGreaterThan(0);
    expect(typeof detail.durationMs).toBe('number');
    expect(JSON.stringify(rows)).not.toContain('not-in-audit');
    const refused = rows.find((r) => r.result === 'forbidden');
    expect(refused).toBeDefined();
    const metrics = await (await v.app.request('http://vault.test/metrics')).text();
    expect(metrics).toMatch(/tokenvault_proxy_requests_total\{provider="octo",method="read",status="2xx"\} \d+/);
    // Refused before the account is looked up, so the provider is not known (and not told).
    expect(metrics).toMatch(/tokenvault_proxy_requests_total\{provider="",method="write",status="refused"\} \d+/);
    expect(metrics).toMatch(/tokenvault_proxy_requests_total\{provider="octo",method="read",status="4xx"\} \d+/);
  });
});

describe.each(['app', 'node'] as const)('private addresses, via the %s', (via) => {
  // Loopback is refused unless the provider's api says allowPrivateNetworks: true.
  it('refuses a loopback API unless allowed, before any request leaves', async () => {
    const v = await startProxyVault({ api: { allowPrivateNetworks: false }, via });
    try {
      const jwt = await v.clientJwt(CALLER);
      const response = await v.call(jwt, '/user/repos');
      expect(response.status).toBe(403);
      expect((await response.json()).message).toMatch(/private, loopback or link-local/);
      expect(v.provider.seen).toHaveLength(0);
    } finally {
      await v.close();
    }
  });
});
