import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import {
  buildProviderSpec,
  createCipher,
  createProviderRegistry,
  createVault,
  type GrantInput,
  OPERATOR,
  type ProviderSpecInput,
  type Store,
} from '@tokenvault/core';
import { oauth2 } from '@tokenvault/providers';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { createApp, nodeProxy, undiciUpstream } from '@tokenvault/server';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { createLogger } from 'tokenvault';
import { type ApiProvider, startApiProvider } from './api-provider.js';

export const ENV = 'development';
export const VAULT = 'http://vault.test';
export const APP_ORIGIN = 'http://app.test';
export const USER = 'u1';

/** The GitHub-like provider as a provider spec: OAuth endpoints and its API, on a loopback address. */
export function githubLike(url: string, api: Partial<NonNullable<ProviderSpecInput['api']>> = {}) {
  return {
    id: 'octo',
    displayName: 'Octo',
    authorizeUri: `${url}/login/oauth/authorize`,
    tokenUri: `${url}/login/oauth/access_token`,
    account: { userInfoUri: `${url}/user`, idPath: 'id', displayNamePath: 'login' },
    api: { baseUrl: url, allowPrivateNetworks: true, headers: { accept: 'application/vnd.github+json' }, ...api },
  } satisfies Partial<ProviderSpecInput>;
}

/**
 * How `call` reaches the vault: `app` calls the server's fetch handler directly; `node` sends the request over a
 * socket to a Node server composed as `tokenvault serve` composes it (the service proxy routes on the Node request,
 * node-proxy.ts, and the app for what they leave to it), so each proxy rule can be tested on both.
 */
export type ProxyVia = 'app' | 'node';

/**
 * A vault in this process (real SQLite file unless `openStore` says otherwise, undici to the real local API
 * server), with user `u1` linked to the GitHub-like provider; `call` goes `via` the app or the Node server.
 */
export async function startProxyVault(
  options: {
    api?: Partial<NonNullable<ProviderSpecInput['api']>>;
    openStore?: (dir: string) => Store;
    via?: ProxyVia;
  } = {},
) {
  const provider: ApiProvider = await startApiProvider();
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-proxy-'));
  const open = options.openStore ?? ((at: string) => createSqliteStore({ filename: join(at, 'vault.db') }));
  const store = open(dir);
  await store.migrate();
  const spec = buildProviderSpec(oauth2, githubLike(provider.url, options.api));
  const vault = createVault({
    store,
    cipher: await createCipher([new Uint8Array(32).fill(5)]),
    providers: createProviderRegistry({
      [ENV]: [{ env: ENV, id: 'octo', spec, clientId: 'vault', clientSecret: 's', scopes: ['repo'] }],
    }),
    publicUrl: VAULT,
  });
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  // One upstream for both routes, as `tokenvault serve` shares it.
  const serverOptions = { vault, appOrigins: [APP_ORIGIN], logger, upstream: undiciUpstream() };
  const app = createApp(serverOptions);
  const proxied = nodeProxy(serverOptions);
  const appListener = getRequestListener(app.fetch);
  const served = { onNode: 0 };
  const node = createServer((req, res) => {
    if (proxied(req, res)) served.onNode += 1;
    else appListener(req, res);
  });
  // The same app alone on a Node server, as `tokenvault serve` was before the Node route: what it must answer like.
  const appOnly = createServer(appListener);
  const urlOf = async (server: typeof node) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const nodeUrl = await urlOf(node);
  const appUrl = await urlOf(appOnly);

  const started = await vault.startConnect({
    env: ENV,
    provider: 'octo',
    scopes: ['repo'],
    origin: APP_ORIGIN,
    mode: 'popup',
    userId: USER,
  });
  const approved = await fetch(started.authorizationUrl, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location') as string);
  const { account } = await vault.completeConnect({
    provider: 'octo',
    params: callback.searchParams,
    nonceCookie: started.nonce,
  });

  return {
    provider,
    vault,
    store,
    app,
    account,
    /** The Node server (node-proxy.ts, then the app), how many requests its Node route took, the app alone. */
    nodeUrl,
    served,
    appUrl,
    /** The log lines of both servers. */
    logs,
    sendRaw,
    /** The access key of a new client holding `grants`. */
    async clientKey(...grants: GrantInput[]) {
      return (await vault.clients.create({ env: ENV, name: `c${Math.random()}`, grants }, OPERATOR)).accessKey;
    },
    /** A service JWT of a new client holding `grants`. */
    async clientJwt(...grants: GrantInput[]) {
      return signServiceToken(await parseAccessKey(await this.clientKey(...grants)), { baseUrl: VAULT });
    },
    /** `…/proxy{path}` as `jwt`'s client: by account, or by provider when `byProvider`; `via` the app or Node. */
    call(jwt: string, path: string, init: RequestInit = {}, byProvider = false, via = options.via ?? 'app') {
      const base = byProvider ? `providers/octo` : `connected-accounts/${account.id}`;
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${jwt}`);
      const route = `/v1/users/${USER}/${base}/proxy${path}`;
      if (via === 'node') return sendRaw(`${nodeUrl}${route}`, init.method ?? 'GET', headers, init.body);
      return app.request(`${VAULT}${route}`, { ...init, headers });
    },
    /** The proxy.request audit rows, once `count` of them are written (they are written when a body ends). */
    async audit(count: number) {
      for (;;) {
        const rows = (await store.listAudit(ENV, { limit: 100 })).filter((row) => row.action === 'proxy.request');
        if (rows.length >= count) return rows;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      for (const server of [node, appOnly]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await serverOptions.upstream.close();
      await store.close();
      await provider.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type ProxyVault = Awaited<ReturnType<typeof startProxyVault>>;

/**
 * One request with node:http, which sends any header and path as given (fetch refuses some headers, such as
 * `Connection`, and resolves dot segments), its answer as a web Response; a string body or none.
 */
export function sendRaw(url: string, method: string, headers: Headers, body: RequestInit['body']): Promise<Response> {
  if (body != null && typeof body !== 'string') throw new Error('sendRaw sends string bodies only');
  return new Promise((resolve, reject) => {
    // The path goes as written: a URL parser would resolve its dot segments first.
    const { hostname, port } = new URL(url);
    const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    const options = { hostname, port, path, method, headers: Object.fromEntries(headers), agent: false };
    const sent = httpRequest(options, (answer) => {
      const out = new Headers();
      for (const [name, value] of Object.entries(answer.headers)) {
        for (const one of [value ?? []].flat()) out.append(name, one);
      }
      const status = answer.statusCode ?? 0;
      const empty = method === 'HEAD' || status === 204 || status === 304;
      if (empty) answer.resume();
      resolve(new Response(empty ? null : (Readable.toWeb(answer) as ReadableStream), { status, headers: out }));
    });
    sent.on('error', reject);
    sent.end(body ?? undefined);
  });
}
