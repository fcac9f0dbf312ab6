import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import {
  buildProviderSpec,
  type Cipher,
  type ConfiguredProvider,
  createCipher,
  createProviderRegistry,
  createVault,
  OPERATOR,
  type OperatorRule,
  type ProviderSpec,
  type ProviderSpecInput,
  type Store,
  type TrustedIssuer,
  type Vault,
  type WebhookEndpoint,
  type WebhookRetryPolicy,
} from '@tokenvault/core';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { oauth2, oidc } from '@tokenvault/providers';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import {
  type ConnectUi,
  createApp,
  type DevHome,
  nodeTokenRead,
  type RateLimit,
  type ServerOptions,
} from '@tokenvault/server';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { loadUiAssets } from '@tokenvault/ui';
import { createLogger } from 'tokenvault';
import { contractViolation } from './api-contract.js';
import { CookieJar } from './cookie-jar.js';
import type { FaultProxy } from './fault-proxy.js';
import { readPopupPage } from './popup-page.js';

export const VAULT_URL = 'http://vault.test';
/** `POST /v1/users/{userId}/connected-accounts/{accountId}/access-token`: sent through the Node route. */
const TOKEN_READ = /^\/v1\/users\/[^/]+\/connected-accounts\/[^/]+\/access-token$/;
export const APP_ORIGIN = 'http://app.test';
/** Headers of a script on the app's page calling the vault. */
export const FROM_APP = {
  'x-requested-with': 'XMLHttpRequest',
  origin: APP_ORIGIN,
  'content-type': 'application/json',
};

/**
 * The whole vault in this process: a real SQLite file, the real demo provider over HTTP, the server's fetch
 * handler called directly (the service token read over a socket, as `tokenvault serve` answers it), logs captured line by line, and a clock the test can move forward.
 */
export interface InProcessOptions {
  masterKey?: Uint8Array;
  dir?: string;
  devHome?: DevHome;
  /** Default: a SQLite file in `dir`. */
  openStore?: () => Store;
  /** Adds provider `faulty`: the demo provider with its token endpoint behind this proxy. */
  tokenProxy?: FaultProxy;
  webhooks?: Record<string, WebhookEndpoint[]>;
  webhookRetry?: Partial<WebhookRetryPolicy>;
  providerTimeoutMs?: number;
  /** Provider spec fields for `demo` (e.g. keepAliveSeconds). */
  demoSpec?: Partial<ProviderSpecInput>;
  accessTokenTtlSeconds?: number;
  rateLimit?: RateLimit;
  /** More development providers, beside `demo` and `plain`. */
  providers?: ConfiguredProvider[];
  /** Default: VAULT_URL (http). */
  publicUrl?: string;
  /** Wraps the real cipher, e.g. to count what the vault decrypts. */
  wrapCipher?: (cipher: Cipher) => Cipher;
  /** The connect page's branding per environment. */
  connectUi?: Record<string, ConnectUi>;
  /** Default: [APP_ORIGIN]. */
  appOrigins?: string[];
  /** Identity providers whose user JWTs the vault accepts, per environment. */
  trustedIssuers?: Record<string, TrustedIssuer[]>;
  /** The operator dashboard, its operators signing in at the demo provider (client `vault`). */
  operators?: OperatorRule[];
  /** The groups the demo provider sends for some logins (its `groups` claim). */
  demoGroups?: Record<string, string[]>;
}

export async function startInProcessVault(options: InProcessOptions = {}) {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'tokenvault-inproc-')));
  const publicUrl = options.publicUrl ?? VAULT_URL;
  const demo: DemoProvider = await startDemoProvider({
    clients: [
      {
        clientId: 'vault',
        clientSecret: 'secret',
        redirectUris: [
          ...['demo', 'plain', 'faulty'].map((id) => `${publicUrl}/api/auth/${id}/handler/frame`),
          `${publicUrl}/dashboard/callback`,
        ],
      },
    ],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 60,
    ...(options.demoGroups && { groups: options.demoGroups }),
  });
  const openStore = options.openStore ?? (() => createSqliteStore({ filename: join(dir, 'vault.db') }));
  const store = openStore();
  await store.migrate();
  const spec = buildProviderSpec(oidc, { id: 'demo', displayName: 'Demo', issuer: demo.issuer, ...options.demoSpec });
  // The same server as a plain OAuth 2.0 provider: endpoints by hand, the account id from its userinfo.
  const plain = buildProviderSpec(oauth2, plainInput('plain', demo.issuer, `${demo.issuer}/token`));
  const providerList = [
    configured('demo', spec, spec.scopes.default),
    configured('plain', plain, PLAIN_SCOPES),
    ...(options.providers ?? []),
  ];
  if (options.tokenProxy) {
    options.tokenProxy.target = demo.issuer;
    const tokenUri = `${options.tokenProxy.url}/token`;
    providerList.push(
      configured('faulty', buildProviderSpec(oauth2, plainInput('faulty', demo.issuer, tokenUri)), PLAIN_SCOPES),
    );
  }
  const providers = createProviderRegistry({ development: providerList, production: [] });
  const clock = { offsetMs: 0 };
  const masterKey = options.masterKey ?? new Uint8Array(32).fill(1);
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const vaultOn = async (vaultStore: Store, timeoutMs = options.providerTimeoutMs ?? 10_000): Promise<Vault> =>
    createVault({
      store: vaultStore,
      cipher: await createCipher([masterKey]).then((cipher) => options.wrapCipher?.(cipher) ?? cipher),
      providers,
      publicUrl,
      logger,
      http: { timeoutMs },
      ...(options.webhooks && { webhooks: options.webhooks }),
      ...(options.webhookRetry && { webhookRetry: options.webhookRetry }),
      ...(options.trustedIssuers && { trustedIssuers: options.trustedIssuers }),
      now: () => Date.now() + clock.offsetMs,
    });
  const vault = await vaultOn(store);
  const twins: Store[] = [];
  /**
   * Another vault instance (as another process would be), over its own connection to the same database; a
   * short `providerTimeoutMs` here makes one call time out without making every other call race a timer.
   */
  const twin = async (providerTimeoutMs?: number) => {
    const twinStore = openStore();
    twins.push(twinStore);
    return vaultOn(twinStore, providerTimeoutMs);
  };
  const appOptions: ServerOptions = {
    vault,
    appOrigins: options.appOrigins ?? [APP_ORIGIN],
    logger,
    ui: loadUiAssets(),
    ...(options.connectUi && { connectUi: options.connectUi }),
    ...(options.devHome && { devHome: options.devHome }),
    ...(options.rateLimit && { rateLimit: options.rateLimit }),
    ...(options.operators && {
      dashboard: {
        login: vault.operatorLogin({ issuer: demo.issuer, clientId: 'vault', clientSecret: 'secret' }),
        operators: options.operators,
        sessions: vault.operatorSessions(30 * 60_000),
      },
    }),
  };
  const app = createApp(appOptions);
  // The service token read as `tokenvault serve` answers it: over a socket, on the Node request (node-token-read.ts),
  // the app taking what that route declines (a streamed or oversized body). Every other request calls the app.
  const tokenRead = nodeTokenRead(appOptions);
  const appListener = getRequestListener(app.fetch);
  // Node's 16 KiB limit on a request's head would answer the tests' over-long ids itself (431) before any route
  // could; raised so that they reach ours.
  const node = createServer({ maxHeaderSize: 256 * 1024 }, (req, res) => tokenRead(req, res) || appListener(req, res));
  await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
  node.unref(); // a test that never closes the vault must not keep its worker alive
  const nodeUrl = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
  const bodies: string[] = [];
  // Every answer is checked against /openapi.json's operations: the document cannot drift from the code.
  const violations: string[] = [];
  const request = async (url: string, init: RequestInit = {}) => {
    const { pathname, search } = new URL(url, VAULT_URL);
    const response =
      init.method === 'POST' && TOKEN_READ.test(pathname)
        ? await fetch(`${nodeUrl}${pathname}${search}`, { ...init, redirect: 'manual' })
        : await app.request(url, init);
    bodies.push(await response.clone().text());
    const violation = await contractViolation(init.method ?? 'GET', url, response.clone());
    if (violation) throw new Error(`API contract: ${violation}`);
    return response;
  };
  /** The same handler for real sockets; what it answers against the document is checked in `close`. */
  const served = {
    async fetch(req: Request) {
      const response = await app.fetch(req);
      const violation = await contractViolation(req.method, req.url, response.clone());
      if (violation) violations.push(violation);
      return response;
    },
  };
  let providerStopped = false;
  const admin = await vault.clients.create(
    { env: 'development', name: 'admin', grants: [{ role: 'admin' }] },
    OPERATOR,
  );

  return {
    dir,
    demo,
    vault,
    store,
    clock,
    logs,
    bodies,
    request,
    /** The server's fetch handler, to serve over real HTTP when a client needs a socket. */
    app: served,
    /** The Node server token reads go through (node-token-read.ts, then the app), for requests a fetch cannot make. */
    nodeUrl,
    adminKey: admin.accessKey,
    newJar: () => new CookieJar(request),
    /** A service JWT (of the bootstrap admin client by default), signed by a clock that agrees with the vault's. */
    jwt: async (accessKey = admin.accessKey) =>
      signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl, now: Date.now() + clock.offsetMs }),
    /**
     * A browser (or a backend posing as one) holding the session a connect session becomes: `jwt`'s client asks for
     * the connect session (`body`), the new jar redeems it.
     */
    async browserFor(jwt: string, body: object): Promise<CookieJar> {
      const created = await request(`${VAULT_URL}/v1/connect-sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}` },
        body: JSON.stringify(body),
      });
      if (created.status !== 201) throw new Error(`creating failed: ${created.status} ${await created.text()}`);
      const jar = new CookieJar(request);
      const redeemed = await jar.fetch(`${VAULT_URL}/api/auth/connect-session`, {
        method: 'POST',
        headers: FROM_APP,
        body: JSON.stringify({ token: (await created.json()).token }),
      });
      if (redeemed.status !== 200) throw new Error(`redeeming failed: ${redeemed.status}`);
      return jar;
    },
    /** A `/v1/me` call from the app's page in `jar`'s browser. */
    async me(jar: CookieJar, method: string, path: string, body?: object) {
      const response = await jar.fetch(`${VAULT_URL}/v1/me${path}`, {
        method,
        headers: FROM_APP,
        ...(body && { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    },
    /** `/start` with a jar: returns the provider's authorization URL. */
    async start(
      jar: CookieJar,
      query = `scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
      provider = 'demo',
    ) {
      const response = await jar.fetch(`${publicUrl}/api/auth/${provider}/start?${query}`);
      if (response.status !== 302) throw new Error(`start answered ${response.status}: ${await response.text()}`);
      return response.headers.get('location') as string;
    },
    /** The whole popup flow for `login`; returns the posted message. */
    async connect(jar: CookieJar, login: string, provider = 'demo') {
      const callback = await loginWithoutBrowser(await this.start(jar, undefined, provider), { login });
      const response = await jar.fetch(callback);
      return readPopupPage(await response.text()).message;
    },
    /**
     * Connects `login` through the popup flow with a fresh browser; returns the new account, its user
     * (`{provider}:{login}`), the base URL of its API routes and the access token the popup was given.
     */
    async link(login: string, provider = 'demo') {
      const message = await this.connect(new CookieJar(request), login, provider);
      const userId = `${provider}:${login}`;
      const [account] = await vault.listAccounts('development', userId, OPERATOR);
      if (!account) throw new Error(`${login} was not linked: ${JSON.stringify(message.error ?? message.type)}`);
      const base = `${publicUrl}/v1/users/${encodeURIComponent(userId)}/connected-accounts/${account.id}`;
      return { account, id: account.id, userId, base, popupToken: message.response.providerInfo.accessToken as string };
    },
    /** Stops the provider (as an outage would); `close` then leaves it alone. */
    async stopProvider() {
      providerStopped = true;
      await demo.close();
    },
    twin,
    async close() {
      node.closeAllConnections();
      await new Promise((resolve) => node.close(resolve));
      for (const twinStore of twins) await twinStore.close();
      await store.close();
      if (!providerStopped) await demo.close();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
      if (violations.length > 0) throw new Error(`API contract:\n${violations.join('\n')}`);
    },
  };
}

export type InProcessVault = Awaited<ReturnType<typeof startInProcessVault>>;

const PLAIN_SCOPES = ['openid', 'email', 'offline_access'];

function configured(id: string, spec: ProviderSpec, scopes: readonly string[]): ConfiguredProvider {
  return { env: 'development', id, spec, clientId: 'vault', clientSecret: 'secret', scopes };
}

function plainInput(id: string, issuer: string, tokenUri: string): Partial<ProviderSpecInput> {
  return {
    id,
    displayName: `Plain OAuth 2.0 (${id})`,
    authorizeUri: `${issuer}/auth`,
    tokenUri,
    revokeUri: `${issuer}/token/revocation`,
    account: { userInfoUri: `${issuer}/me`, idPath: 'sub', displayNamePath: 'email' },
    extra: { authorize: { prompt: 'consent' } }, // the demo server issues refresh tokens only with consent
  };
}
