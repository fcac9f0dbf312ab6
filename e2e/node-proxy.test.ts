import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProxyVault, sendRaw, startProxyVault, USER } from './support/proxy-vault.js';

const CALLER = { role: 'api-caller', resource: 'connections/octo/users/*/proxy' };
const READER = { role: 'api-reader', resource: 'connections/octo/users/*/proxy' };

// A service client's proxied call without a body is served on the Node request (packages/server/src/node-proxy.ts)
// when `tokenvault serve` runs. Whatever the call is, it must be answered as the app alone answers it on the same
// kind of Node server: status, headers, body, what the provider is sent, the log line and the audit row.
describe('the proxy on the Node request', () => {
  let v: ProxyVault;
  let caller: string;
  let reader: string;
  beforeAll(async () => {
    v = await startProxyVault();
    caller = await v.clientJwt(CALLER);
    reader = await v.clientJwt(READER);
  });
  afterAll(() => v.close());

  /** What a caller and the provider see of one call, and what the vault wrote, with the call's own ids masked. */
  async function observe(base: string, route: string, method: string, headers: Record<string, string>, id: string) {
    const sent = v.provider.seen.length;
    const answer = await sendRaw(`${base}${route}`, method, new Headers({ ...headers, 'x-request-id': id }), null);
    // The provider counts a status path's calls in its answer (`hits`), a number the two calls cannot share.
    const body = (await answer.text()).replaceAll(id, 'ID').replace(/"hits":\d+/, '"hits":N');
    const answerHeaders = Object.fromEntries(
      [...answer.headers]
        .filter(([name]) => name !== 'date')
        .map(([name, value]) => [name, value.replaceAll(id, 'ID')]),
    );
    const provider = v.provider.seen.slice(sent).map(({ headers: seen, ...rest }) => {
      const { host: _host, connection: _connection, ...kept } = seen;
      return { ...rest, headers: JSON.parse(JSON.stringify(kept).replaceAll(id, 'ID')) };
    });
    const line = v.logs.map((text) => JSON.parse(text)).find((entry) => entry.requestId === id);
    const audit = async () => {
      // Written when the answer's body has ended, in the audit writer's next batch; a call refused before it
      // reached the vault (its Tokenvault-Retries, its JWT) has none.
      for (let tries = 0; tries < 25; tries++) {
        const row = (await v.store.listAudit('development', { limit: 500 })).find((r) => r.requestId === id);
        if (row) {
          const { durationMs: _duration, ...detail } = JSON.parse(row.detail ?? '{}');
          return { action: row.action, result: row.result, provider: row.provider, accountId: row.accountId, detail };
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return undefined;
    };
    return {
      status: answer.status,
      headers: answerHeaders,
      body,
      provider,
      log: line && { method: line.method, path: line.path, status: line.status, msg: line.msg },
      audit: await audit(),
    };
  }

  /**
   * The same call to the Node server with the Node route, and to the app alone; and whether the route took it. The
   * provider answers a `/status/…` path with its status until `fail` calls of its `key`: both get the same one.
   */
  async function both(route: string, init: { method?: string; headers?: Record<string, string> } = {}) {
    const method = init.method ?? 'GET';
    const headers = { authorization: `Bearer ${caller}`, ...init.headers };
    const took = v.served.onNode;
    const node = await observe(v.nodeUrl, route, method, headers, `n-${crypto.randomUUID()}`);
    const onNode = v.served.onNode > took;
    const app = await observe(v.appUrl, route, method, headers, `a-${crypto.randomUUID()}`);
    return { node, app, onNode };
  }

  const byAccount = (path: string) => `/v1/users/${USER}/connected-accounts/${v.account.id}/proxy${path}`;
  const byProvider = (path: string) => `/v1/users/${USER}/providers/octo/proxy${path}`;

  it('answers calls, and every refusal, as the app does', async () => {
    const cases: [string, { method?: string; headers?: Record<string, string> }][] = [
      [byAccount('/user/repos?per_page=2'), {}],
      [byProvider('/user/repos'), {}],
      [byAccount(''), {}],
      [byAccount('/'), {}],
      [byAccount('/user/repos'), { method: 'HEAD' }],
      [byAccount('/echo?a=1&b=%20'), { method: 'DELETE' }],
      [byAccount('/echo'), { method: 'OPTIONS' }],
      [byAccount('/chunked?parts=3'), {}],
      [byAccount('/download?bytes=200000'), {}],
      [byAccount('/redirect?to=http%3A%2F%2Felsewhere.example%2F'), {}],
      [byAccount('/status/404?fail=1000'), {}],
      [byAccount('/status/503?key=n1&fail=1000&retryAfter=3600'), {}],
      [byAccount('/status/429?key=n2&fail=1000&retryAfter=0'), { headers: { 'tokenvault-retries': '0' } }],
      [byAccount('/user/repos'), { headers: { 'tokenvault-retries': 'many' } }],
      [byAccount('/user/repos'), { headers: { cookie: 'a=b', 'x-forwarded-for': '10.0.0.1', 'x-custom': 'kept' } }],
      [byAccount('/user/repos'), { headers: { connection: 'x-hop', 'x-hop': 'dropped' } }],
      [byAccount('/user/repos'), { headers: { authorization: 'Bearer not-a-jwt' } }],
      [byAccount('/user/repos'), { headers: { authorization: 'Basic abc' } }],
      [byAccount('/echo'), { method: 'DELETE', headers: { authorization: `Bearer ${reader}` } }],
      [byAccount('//evil.example/x'), {}],
      [byAccount('/https://evil.example/x'), {}],
      [byAccount('/a/..%2fadmin'), {}],
      [byAccount('/a/%2e%2e%2fadmin'), {}],
      [byAccount('/a%5cb'), {}],
      [byAccount('/%ZZ'), {}],
      [`/v1/users/${USER}/connected-accounts/ca_unknown0000000000000/proxy/user/repos`, {}],
      [`/v1/users/${USER}/providers/nobody/proxy/user/repos`, {}],
      [`/v1/users/someone-else/providers/octo/proxy/user/repos`, {}],
    ];
    for (const [route, init] of cases) {
      const { node, app, onNode } = await both(route, init);
      const name = `${init.method ?? 'GET'} ${route} ${JSON.stringify(init.headers ?? {})}`;
      expect(onNode, name).toBe(true);
      expect(node, name).toEqual(app);
      expect(node.log, name).toMatchObject({ method: init.method ?? 'GET', msg: 'request' });
    }
  });

  it('reads the path as the app does: encoded ids and malformed escapes', async () => {
    for (const user of [encodeURIComponent(USER), '%75%31', `${USER}%2Fother`, '%25', '%ZZ', '%E2%82%AC']) {
      const route = `/v1/users/${user}/connected-accounts/${v.account.id}/proxy/user/repos`;
      const { node, app, onNode } = await both(route);
      expect(onNode, route).toBe(true);
      expect(node, route).toEqual(app);
    }
  });

  // What the Node adapter would rewrite before the app sees it (dot segments, characters a URL serializer encodes),
  // and every call with a body, are the app's: the route declines them rather than read them another way.
  it('leaves calls with a body, and targets the adapter rewrites, to the app', async () => {
    for (const route of [
      byAccount('/a/./user/repos'),
      byAccount('/a/%2e%2e/user/repos'),
      byAccount("/user/repos?q='x'"),
      byAccount('/user/repos?q="x"'),
      `/v1/me/connected-accounts/${v.account.id}/proxy/user/repos`,
    ]) {
      const { node, app, onNode } = await both(route);
      expect(onNode, route).toBe(false);
      expect(node.status, route).toBe(app.status);
    }
    const took = v.served.onNode;
    const headers = new Headers({ authorization: `Bearer ${caller}` });
    const posted = await sendRaw(`${v.nodeUrl}${byAccount('/echo')}`, 'POST', headers, '{"a":1}');
    expect(await posted.json()).toMatchObject({ method: 'POST', bodyBytes: 7 });
    expect(v.served.onNode).toBe(took);
  });

  // The caller hangs up in the middle of a streamed answer: the provider call is aborted, and the audit row is
  // written with the bytes that went out.
  it('aborts the provider call when the caller hangs up, and audits it', async () => {
    const id = `gone-${crypto.randomUUID()}`;
    const took = v.served.onNode;
    const { hostname, port } = new URL(v.nodeUrl);
    const headers = { authorization: `Bearer ${caller}`, 'x-request-id': id };
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const sent = httpRequest({ hostname, port, path: byAccount('/endless'), headers }, (answer) => {
        answer.once('data', () => {
          sent.destroy();
          resolve(answer.statusCode);
        });
      });
      sent.on('error', () => {});
      sent.once('error', reject);
      sent.end();
    });
    expect(status).toBe(200);
    expect(v.served.onNode).toBe(took + 1);
    expect(await v.provider.endlessClosed).toBeGreaterThan(0);
    await expect
      .poll(async () => (await v.store.listAudit('development', { limit: 500 })).find((r) => r.requestId === id))
      .toMatchObject({ action: 'proxy.request', result: 'ok' });
  });

  // The caller hangs up while the vault waits to retry a 503: the wait ends there, and no retry is sent.
  it('stops waiting to retry when the caller hangs up', async () => {
    const id = `pause-${crypto.randomUUID()}`;
    const { hostname, port } = new URL(v.nodeUrl);
    const headers = { authorization: `Bearer ${caller}`, 'x-request-id': id };
    const sent = httpRequest({ hostname, port, path: byAccount('/status/503?key=pause&retryAfter=8'), headers });
    sent.on('error', () => {});
    sent.end();
    await expect.poll(() => v.provider.seen.filter((s) => s.query.includes('key=pause')).length).toBe(1);
    sent.destroy();
    // Without the abort the retry would come after 8 s and the row would say ok; the poll gives up long before.
    await expect
      .poll(async () => (await v.store.listAudit('development', { limit: 500 })).find((r) => r.requestId === id), {
        timeout: 4000,
      })
      .toMatchObject({ action: 'proxy.request', result: 'invalid_request' });
    expect(v.provider.seen.filter((s) => s.query.includes('key=pause'))).toHaveLength(1);
  });
});
