import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tokenvault/cli';
import {
  buildProviderSpec,
  createCipher,
  createProviderRegistry,
  createVault,
  parseAccessKey,
  signServiceToken,
  type Vault,
} from '@tokenvault/core';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { oauth2, oidc } from '@tokenvault/providers';
import { createApp, type DevHome } from '@tokenvault/server';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { CookieJar } from './cookie-jar.js';
import { readPopupPage } from './popup-page.js';

export const VAULT_URL = 'http://vault.test';
export const APP_ORIGIN = 'http://app.test';

/**
 * The whole vault in this process: a real SQLite file, the real demo provider over HTTP, the server's fetch
 * handler called directly, logs captured line by line, and a clock the test can move forward.
 */
export async function startInProcessVault(options: { masterKey?: Uint8Array; dir?: string; devHome?: DevHome } = {}) {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'tokenvault-inproc-')));
  const demo: DemoProvider = await startDemoProvider({
    clients: [
      {
        clientId: 'vault',
        clientSecret: 'secret',
        redirectUris: [`${VAULT_URL}/api/auth/demo/handler/frame`, `${VAULT_URL}/api/auth/plain/handler/frame`],
      },
    ],
    accessTokenTtlSeconds: 60,
  });
  const store = createSqliteStore({ filename: join(dir, 'vault.db') });
  await store.migrate();
  const spec = buildProviderSpec(oidc, { id: 'demo', displayName: 'Demo', issuer: demo.issuer });
  // The same server as a plain OAuth 2.0 provider: endpoints by hand, the account id from its userinfo.
  const plain = buildProviderSpec(oauth2, {
    id: 'plain',
    displayName: 'Plain OAuth 2.0',
    authorizeUri: `${demo.issuer}/auth`,
    tokenUri: `${demo.issuer}/token`,
    revokeUri: `${demo.issuer}/token/revocation`,
    account: { userInfoUri: `${demo.issuer}/me`, idPath: 'sub', displayNamePath: 'email' },
    extra: { authorize: { prompt: 'consent' } }, // the demo server issues refresh tokens only with consent
  });
  const clock = { offsetMs: 0 };
  const vault: Vault = createVault({
    store,
    cipher: await createCipher([options.masterKey ?? new Uint8Array(32).fill(1)]),
    providers: createProviderRegistry({
      development: [
        {
          env: 'development',
          id: 'demo',
          spec,
          clientId: 'vault',
          clientSecret: 'secret',
          scopes: spec.scopes.default,
        },
        {
          env: 'development',
          id: 'plain',
          spec: plain,
          clientId: 'vault',
          clientSecret: 'secret',
          scopes: ['openid', 'email', 'offline_access'],
        },
      ],
      production: [],
    }),
    publicUrl: VAULT_URL,
    now: () => Date.now() + clock.offsetMs,
  });
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const app = createApp({
    vault,
    appOrigins: [APP_ORIGIN],
    logger,
    ...(options.devHome && { devHome: options.devHome }),
  });
  const bodies: string[] = [];
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await app.request(url, init);
    bodies.push(await response.clone().text());
    return response;
  };
  let providerStopped = false;
  const admin = await vault.clients.create({ env: 'development', name: 'admin', roles: ['admin'] });

  return {
    dir,
    demo,
    vault,
    store,
    clock,
    logs,
    bodies,
    request,
    adminKey: admin.accessKey,
    newJar: () => new CookieJar(request),
    /** A service JWT for the bootstrap admin client. */
    jwt: async (accessKey = admin.accessKey) =>
      signServiceToken(await parseAccessKey(accessKey), { baseUrl: VAULT_URL }),
    /** `/start` with a jar: returns the provider's authorization URL. */
    async start(
      jar: CookieJar,
      query = `scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
      provider = 'demo',
    ) {
      const response = await jar.fetch(`${VAULT_URL}/api/auth/${provider}/start?${query}`);
      if (response.status !== 302) throw new Error(`start answered ${response.status}: ${await response.text()}`);
      return response.headers.get('location') as string;
    },
    /** The whole popup flow for `login`; returns the posted message. */
    async connect(jar: CookieJar, login: string, provider = 'demo') {
      const callback = await loginWithoutBrowser(await this.start(jar, undefined, provider), { login });
      const response = await jar.fetch(callback);
      return readPopupPage(await response.text()).message;
    },
    /** Stops the provider (as an outage would); `close` then leaves it alone. */
    async stopProvider() {
      providerStopped = true;
      await demo.close();
    },
    async close() {
      await store.close();
      if (!providerStopped) await demo.close();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export type InProcessVault = Awaited<ReturnType<typeof startInProcessVault>>;
