import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// The service token read is served on the Node request (packages/server/src/node-token-read.ts), beside the app's
// own route for it. Whatever a request is, both must answer it the same way: status, body, the headers a client
// reads, and the request's log line. `vault.request` sends the token read over a socket through the Node route;
// `vault.app.fetch` calls the app.
describe('the token read on the Node request', () => {
  let vault: InProcessVault;
  let jwt: string;
  let linked: Awaited<ReturnType<InProcessVault['link']>>;
  beforeAll(async () => {
    vault = await startInProcessVault();
    jwt = await vault.jwt();
    linked = await vault.link('node-route');
  });
  afterAll(() => vault.close());

  /** One request both ways; the answers with what may differ (the time a token expires is the same row's) kept. */
  async function both(path: string, init: { headers?: Record<string, string>; body?: string | null }) {
    const options = (id: string) => ({
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'x-request-id': id, ...init.headers },
      body: init.body === undefined ? '{}' : init.body,
    });
    const summary = async (response: Response, id: string) => {
      const line = vault.logs.map((text) => JSON.parse(text)).find((entry) => entry.requestId === id);
      return {
        status: response.status,
        body: (await response.text()).replaceAll(id, 'ID'),
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
        requestId: response.headers.get('x-request-id')?.replace(id, 'ID'),
        log: line && { method: line.method, path: line.path, status: line.status, msg: line.msg },
      };
    };
    const viaNode = `node-${crypto.randomUUID()}`;
    const viaApp = `app-${crypto.randomUUID()}`;
    const node = await summary(await vault.request(`${VAULT_URL}${path}`, options(viaNode)), viaNode);
    const app = await summary(await vault.app.fetch(new Request(new URL(path, VAULT_URL), options(viaApp))), viaApp);
    return { node, app };
  }

  it('answers a read, and every refusal, as the app does', async () => {
    const path = new URL(`${linked.base}/access-token`).pathname;
    const cases: { headers?: Record<string, string>; body?: string | null }[] = [
      {},
      { body: '' },
      { body: null },
      { body: '{"scopes":["openid"]}' },
      { body: '{"scopes":["not-granted-by-the-provider"]}' },
      { body: '{"unknown":1}' },
      { body: '{not json' },
      { body: '\uFEFF{}' },
      { headers: { authorization: 'Bearer not-a-jwt' } },
      { headers: { authorization: 'Basic abc' } },
    ];
    for (const init of cases) {
      const { node, app } = await both(path, init);
      expect(node, JSON.stringify(init)).toEqual(app);
      expect(node.log, JSON.stringify(init)).toMatchObject({ method: 'POST', path, msg: 'request' });
    }
    const ok = await both(path, {});
    expect(ok.node).toMatchObject({ status: 200, cacheControl: 'no-store', contentType: 'application/json' });
  });

  it('reads the path as the app does: encoded ids, unknown ids, and malformed escapes', async () => {
    const encoded = encodeURIComponent(linked.userId);
    for (const [user, account] of [
      [encoded, linked.id],
      [linked.userId, linked.id],
      [`${encoded}%2Fother`, linked.id],
      ['%25', linked.id],
      ['%ZZ', linked.id],
      ['%E2%82%AC', linked.id],
      [encoded, 'ca_unknown0000000000000'],
      [encoded, '%2e%2e'],
    ]) {
      const path = `/v1/users/${user}/connected-accounts/${account}/access-token`;
      const { node, app } = await both(path, {});
      expect(node, path).toEqual(app);
    }
  });

  it('leaves a streamed body and one declared over the limit to the app, which counts or refuses them', async () => {
    const path = new URL(`${linked.base}/access-token`).pathname;
    const send = (body: BodyInit, headers: Record<string, string> = {}) =>
      vault.request(`${VAULT_URL}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, ...headers },
        body,
        duplex: 'half',
      } as RequestInit);
    const large = await send('x'.repeat(70_000));
    expect(large.status).toBe(413);
    const streamed = (text: string) =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    expect((await send(streamed('{}'))).status).toBe(200);
    expect((await send(streamed(' '.repeat(70_000)))).status).toBe(413);
  });

  it('stops a read whose client leaves before the end of its body, and keeps serving', async () => {
    const path = new URL(`${linked.base}/access-token`).pathname;
    const { hostname, port } = new URL(vault.nodeUrl);
    const socket = connect(Number(port), hostname);
    await once(socket, 'connect');
    const id = `gone-${crypto.randomUUID()}`;
    socket.write(
      `POST ${path} HTTP/1.1\r\nhost: ${hostname}\r\nauthorization: Bearer ${jwt}\r\n` +
        `x-request-id: ${id}\r\ncontent-length: 100\r\n\r\n{"scopes":`,
    );
    socket.end(); // the headers and part of the body arrive, then the connection ends
    await expect.poll(() => vault.logs.some((line) => line.includes(id)), { timeout: 10_000 }).toBe(true);
    const { node } = await both(path, {});
    expect(node.status).toBe(200);
  });
});
