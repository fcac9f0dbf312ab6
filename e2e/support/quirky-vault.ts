import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildProviderSpec,
  createCipher,
  createProviderRegistry,
  createVault,
  OPERATOR,
  type ProviderSpecInput,
  type Store,
  type Vault,
  type VaultLogger,
} from '@tokenvault/core';
import { oauth2 } from '@tokenvault/providers';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { afterAll } from 'vitest';
import { type Quirks, type QuirkyProvider, startQuirkyProvider } from './quirky-provider.js';

export const ENV = 'development';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A vault whose provider `quirky` is a real local server behaving as `quirks` say, described by `spec`. */
export async function vaultFor(
  quirks: Quirks,
  spec: Partial<ProviderSpecInput> | ((providerUrl: string) => Partial<ProviderSpecInput>) = {},
  /** The configuration's secrets for the provider (`{secrets.name}` in its API headers), and where logs go. */
  options: { secrets?: Record<string, string>; logger?: VaultLogger } = {},
) {
  const provider: QuirkyProvider = await startQuirkyProvider(quirks);
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-quirks-'));
  const stores: Store[] = [];
  const open = () => {
    const opened = createSqliteStore({ filename: join(dir, 'vault.db') });
    stores.push(opened);
    return opened;
  };
  const store = open();
  await store.migrate();
  cleanups.push(async () => {
    for (const opened of stores) await opened.close();
    await provider.close();
    await rm(dir, { recursive: true, force: true });
  });
  const built = buildProviderSpec(oauth2, {
    id: 'quirky',
    displayName: 'Quirky',
    authorizeUri: `${provider.url}/authorize`,
    tokenUri: `${provider.url}/token`,
    account: { userInfoUri: `${provider.url}/me`, idPath: 'id', displayNamePath: 'name' },
    ...(typeof spec === 'function' ? spec(provider.url) : spec),
  });
  const configured = {
    env: ENV,
    id: 'quirky',
    spec: built,
    clientId: 'vault',
    clientSecret: 's3cret',
    scopes: ['read'],
    ...(options.secrets && { secrets: options.secrets }),
  };
  /** Moves the vaults' clock (not the provider's). */
  const clock = { offsetMs: 0 };
  const cipher = await createCipher([new Uint8Array(32).fill(3)]);
  const vaultOn = (over: Store): Vault =>
    createVault({
      now: () => Date.now() + clock.offsetMs,
      store: over,
      cipher,
      providers: createProviderRegistry({ [ENV]: [configured] }),
      publicUrl: 'http://vault.test',
      ...(options.logger && { logger: options.logger }),
    });
  /** Another vault over its own connection to the same database, as another process would be. */
  const twin = () => vaultOn(open());
  return { vault: vaultOn(store), store, provider, clock, twin };
}

/** The whole connect flow against the provider (it approves at once); the linked account. */
export async function connect(
  vault: Vault,
  {
    userId = 'u1',
    scopes = ['read'],
    params,
  }: { userId?: string; scopes?: string[]; params?: Record<string, string | undefined> } = {},
) {
  const started = await vault.startConnect({
    ...{ env: ENV, provider: 'quirky', scopes, origin: 'http://app.test', mode: 'popup' },
    userId,
    ...(params && { params }),
  });
  const approved = await fetch(started.authorizationUrl, { redirect: 'manual' });
  const callback = new URL(approved.headers.get('location') as string);
  const done = await vault.completeConnect({
    provider: 'quirky',
    params: callback.searchParams,
    nonceCookie: started.nonce,
  });
  return done.account;
}

/** A token read that forces a refresh (asks for more validity than any token has). */
export const refreshed = (vault: Vault, accountId: string) =>
  vault.getAccessToken({ env: ENV, userId: 'u1', accountId, minValiditySeconds: 86_400 }, OPERATOR);
