import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { createApp } from '@tokenvault/server';
import { createSqliteStore } from '@tokenvault/store-sqlite';
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
 * A vault in this process (real SQLite file unless `openStore` says otherwise, the server's fetch handler called
 * directly, undici to the real local API server), with user `u1` linked to the GitHub-like provider.
 */
export async function startProxyVault(
  options: { api?: Partial<NonNullable<ProviderSpecInput['api']>>; openStore?: (dir: string) => Store } = {},
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
  const app = createApp({ vault, appOrigins: [APP_ORIGIN] });

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
    /** The access key of a new client holding `grants`. */
    async clientKey(...grants: GrantInput[]) {
      return (await vault.clients.create({ env: ENV, name: `c${Math.random()}`, grants }, OPERATOR)).accessKey;
    },
    /** A service JWT of a new client holding `grants`. */
    async clientJwt(...grants: GrantInput[]) {
      return signServiceToken(await parseAccessKey(await this.clientKey(...grants)), { baseUrl: VAULT });
    },
    /** `…/proxy{path}` as `jwt`'s client: by account, or by provider when `byProvider`. */
    call(jwt: string, path: string, init: RequestInit = {}, byProvider = false) {
      const base = byProvider ? `providers/octo` : `connected-accounts/${account.id}`;
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${jwt}`);
      return app.request(`${VAULT}/v1/users/${USER}/${base}/proxy${path}`, { ...init, headers });
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
      await store.close();
      await provider.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type ProxyVault = Awaited<ReturnType<typeof startProxyVault>>;
