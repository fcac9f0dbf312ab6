import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVaultClient, type VaultClientError } from '../src/index.js';
import { newAccessKey } from './keys.js';

type Fault = 'drop' | 'html-502' | 'plain-500' | 'json-500';

const TOKEN = JSON.stringify({ accessToken: 'at', tokenType: 'Bearer', expiresAt: null, scopes: [], accountId: 'a' });

/**
 * A real HTTP server that answers the first `faults.length` requests with those faults, then succeeds. It counts
 * requests by method, so a test sees what the SDK sent, not what it meant to.
 */
function faultyVault() {
  const state = { faults: [] as Fault[], count: new Map<string, number>() };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.count.set(req.method ?? '', (state.count.get(req.method ?? '') ?? 0) + 1);
    const fault = state.faults.shift();
    if (fault === 'drop') return void req.socket.destroy();
    if (fault === 'html-502')
      return void res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
    if (fault === 'plain-500') return void res.writeHead(500).end();
    if (fault === 'json-500') {
      return void res
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'internal', message: 'internal error', requestId: 'r9' }));
    }
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET') return void res.end(JSON.stringify({ items: [], nextCursor: null }));
    if (req.method === 'DELETE') return void res.end(JSON.stringify({ deleted: true, revokedAtProvider: true }));
    if (req.url === '/v1/connect-sessions') {
      return void res.writeHead(201).end(
        JSON.stringify({
          token: 't',
          connectUrl: 'u',
          expiresAt: '2030-01-01T00:00:00Z',
          provider: null,
          scopes: [],
        }),
      );
    }
    res.end(TOKEN);
  });
  return { server, state };
}

describe('retries', () => {
  const { server, state } = faultyVault();
  let baseUrl: string;
  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => (server as Server).close(resolve));
  });
  beforeEach(() => {
    state.faults = [];
    state.count.clear();
    sent.clear();
    hangs = 0;
  });

  // What the SDK sent, counted as it calls fetch. A hang is played here, not by the server: a request that the
  // timeout aborts might not have reached a server yet on a loaded machine, and then the server's count and
  // fault queue would say nothing about what the SDK did. Here the attempt hangs until the SDK's own timeout
  // aborts it, as a silent vault would.
  const sent = new Map<string, number>();
  let hangs = 0;
  const counting: typeof fetch = (input, init) => {
    const method = init?.method ?? 'GET';
    sent.set(method, (sent.get(method) ?? 0) + 1);
    if (hangs === 0) return fetch(input, init);
    hangs--;
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
  };
  const vault = (timeoutMs = 10_000) =>
    createVaultClient({ baseUrl, accessKey: newAccessKey().accessKey, retryDelayMs: 1, timeoutMs, fetch: counting });
  const requests = (method: string) => state.count.get(method) ?? 0;
  const attempts = (method: string) => sent.get(method) ?? 0;
  const thrown = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('resolved'),
      (err: unknown) => err as VaultClientError,
    );

  it('sends a read again after a dropped connection, a proxy 502 or a bodiless 500, up to 2 times', async () => {
    // Reads change nothing, so a failure the vault did not decide on is worth another try.
    state.faults = ['drop', 'html-502'];
    expect(await vault().user('u').listConnectedAccounts()).toEqual([]);
    expect(requests('GET')).toBe(3);

    state.faults = ['plain-500', 'drop'];
    expect(await vault().user('u').account('demo').getAccessToken()).toMatchObject({ status: 'ok' });
    expect(requests('POST')).toBe(3);
  });

  it('gives up on a read after 3 attempts with a typed error', async () => {
    state.faults = ['drop', 'drop', 'drop', 'drop'];
    expect(await thrown(vault().user('u').listConnectedAccounts())).toMatchObject({ code: 'network' });
    expect(requests('GET')).toBe(3);

    state.faults = ['html-502', 'html-502', 'html-502'];
    expect(await thrown(vault().user('u').account('demo').getAccessToken())).toMatchObject({
      code: 'server_error',
      status: 502,
    });
    expect(requests('POST')).toBe(3);
  });

  it("does not retry the vault's own 5xx answer", async () => {
    // A JSON error body is a decision the vault made; asking again would only repeat it.
    state.faults = ['json-500'];
    expect(await thrown(vault().user('u').listConnectedAccounts())).toMatchObject({
      code: 'server_error',
      requestId: 'r9',
    });
    expect(requests('GET')).toBe(1);
  });

  it('times out a read that gets no answer, and retries it', async () => {
    // The per-request timeout bounds each attempt; a read that hangs twice then answers succeeds.
    hangs = 2;
    expect(await vault(200).user('u').listConnectedAccounts()).toEqual([]);
    expect([attempts('GET'), requests('GET')]).toEqual([3, 1]);
    sent.clear();
    hangs = 3;
    expect(await thrown(vault(200).user('u').listConnectedAccounts())).toMatchObject({ code: 'timeout' });
    expect(attempts('GET')).toBe(3);
  });

  it('never sends a DELETE or a connect-session creation twice', async () => {
    // A write whose answer was lost may have happened: revoking twice, or minting two tokens, is not the SDK's call.
    state.faults = ['drop'];
    expect(await thrown(vault().user('u').account({ accountId: 'a' }).disconnect())).toMatchObject({
      code: 'network',
    });
    expect(requests('DELETE')).toBe(1);

    state.faults = ['html-502'];
    expect(await thrown(vault().user('u').createConnectSession())).toMatchObject({ code: 'server_error' });
    hangs = 1;
    expect(await thrown(vault(200).user('u').createConnectSession())).toMatchObject({ code: 'timeout' });
    expect([attempts('POST'), requests('POST')]).toEqual([2, 1]);
  });

  it('answers network for a vault that is not listening', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = createVaultClient({
      baseUrl: `http://127.0.0.1:${port}`,
      accessKey: newAccessKey().accessKey,
      retryDelayMs: 1,
    });
    const err = await thrown(client.user('u').listConnectedAccounts());
    expect(err).toMatchObject({ code: 'network' });
    expect(err.message).toContain('ECONNREFUSED');
  });
});
