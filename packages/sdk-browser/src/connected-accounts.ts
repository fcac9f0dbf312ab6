import { createLinking, type LinkingOptions } from './account-linking.js';
import type { AccessTokenOptions, ConnectedAccount, ConnectedAccountData } from './account-types.js';
import { createAccountsStore } from './accounts-store.js';
import { createMeApi, type TokenTarget } from './me-protocol.js';
import type { Vault } from './types.js';

type ConnectedAccountsApi = Pick<
  Vault,
  | 'connectedAccounts'
  | 'listConnectedAccounts'
  | 'getConnectedAccount'
  | 'getOrLinkConnectedAccount'
  | 'linkConnectedAccount'
  | 'account'
>;

/** The vault's connected-accounts half: `/v1/me` requests, the store over them, and linking through `login`. */
export function createConnectedAccounts(
  http: typeof fetch,
  baseUrl: string,
  login: LinkingOptions['login'],
): ConnectedAccountsApi & { invalidate(): Promise<void> } {
  const api = createMeApi(http, baseUrl);
  const { store, load, invalidate } = createAccountsStore(async () => (await api.list()).map(toAccount));

  async function readToken(target: TokenTarget, options?: AccessTokenOptions) {
    const result = await api.token(target, options);
    // The vault has just marked an account for re-authorization: the list on screen still says it is fine.
    if (result.status === 'error' && result.error.code === 'needs_reauth') void invalidate();
    return result;
  }

  function toAccount(data: ConnectedAccountData): ConnectedAccount {
    return Object.freeze({
      ...data,
      getAccessToken: (options?: AccessTokenOptions) => readToken({ id: data.id }, options),
      fetch: (path: string, init?: RequestInit) => api.proxy({ id: data.id }, path, init),
      async disconnect() {
        const result = await api.disconnect(data.id);
        await invalidate();
        return result;
      },
    });
  }

  const linking = createLinking({ list: load, login });

  return {
    connectedAccounts: store,
    invalidate,
    listConnectedAccounts: async () => [...(await load())],
    async getConnectedAccount(target) {
      if ('id' in target) {
        const data = await api.get(target.id);
        return data && toAccount(data);
      }
      const accounts = await load();
      return accounts.find((a) => a.provider === target.provider && a.providerAccountId === target.providerAccountId);
    },
    getOrLinkConnectedAccount: linking.getOrLink,
    linkConnectedAccount: linking.link,
    account: (provider) => ({
      getAccessToken: (options) => readToken({ provider }, options),
      fetch: (path, init) => api.proxy({ provider }, path, init),
    }),
  };
}
