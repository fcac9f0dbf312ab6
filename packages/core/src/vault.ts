import { createAccessTokens } from './access-tokens.js';
import { requireAccount, toConnectedAccount } from './accounts.js';
import type { Cipher } from './cipher.js';
import { type CompleteConnectInput, completeConnect, type StartConnectInput, startConnect } from './connect-flow.js';
import { disconnect } from './disconnect.js';
import { defaultProviderHttp, type ProviderHttp } from './oauth/http.js';
import type { ProviderRegistry } from './providers.js';
import { createServiceClients } from './service-clients.js';
import { createSessions } from './sessions.js';
import type { Store } from './store.js';
import type { VaultContext } from './vault-context.js';

export interface VaultOptions {
  store: Store;
  cipher: Cipher;
  providers: ProviderRegistry;
  /** Where browsers reach the vault, e.g. `http://127.0.0.1:7007`. */
  publicUrl: string;
  /** How providers are reached; defaults to global fetch with a 10 s timeout. */
  http?: Partial<ProviderHttp>;
  now?: () => number;
}

/** The vault's operations over a store, a cipher and the configured providers. */
export function createVault(options: VaultOptions) {
  const ctx: VaultContext = {
    store: options.store,
    cipher: options.cipher,
    providers: options.providers,
    http: { ...defaultProviderHttp, ...options.http },
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    now: options.now ?? Date.now,
  };
  const tokens = createAccessTokens(ctx);
  return {
    publicUrl: ctx.publicUrl,
    providers: ctx.providers,
    store: ctx.store,
    sessions: createSessions(ctx.store, ctx.now),
    clients: createServiceClients(ctx),
    startConnect: (input: StartConnectInput) => startConnect(ctx, input),
    completeConnect: (input: CompleteConnectInput) => completeConnect(ctx, input),
    getAccessToken: tokens.get,
    async listAccounts(env: string, userId: string) {
      return (await ctx.store.listAccounts(env, userId)).map(toConnectedAccount);
    },
    async getAccount(env: string, userId: string, accountId: string) {
      return toConnectedAccount(await requireAccount(ctx, env, userId, accountId));
    },
    disconnect: (env: string, userId: string, accountId: string) => disconnect(ctx, env, userId, accountId),
  };
}

export type Vault = ReturnType<typeof createVault>;
