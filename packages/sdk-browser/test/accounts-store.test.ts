import { describe, expect, it } from 'vitest';
import { createConnectedAccounts } from '../src/connected-accounts.js';
import { createVault } from '../src/create-vault.js';
import { BASE, deferred, fakeMe, json, wireAccount } from './fake-me.js';

const noLogin = async () => {
  throw new Error('no login in these tests');
};

/** The store over a fake /v1/me, with a listener counting notifications. */
function harness(accounts = [wireAccount({ id: 'ca_1' }), wireAccount({ id: 'ca_2' })]) {
  const me = fakeMe(accounts);
  const vault = createConnectedAccounts(me.http, BASE, noLogin);
  const store = vault.connectedAccounts;
  const seen = { notified: 0 };
  const watch = () => store.subscribe(() => (seen.notified += 1));
  const lists = () => me.sent.filter((r) => r.method === 'GET' && r.url.endsWith('/connected-accounts')).length;
  return { me, vault, store, seen, watch, lists };
}

describe('the connected-accounts store', () => {
  it('keeps one snapshot object, and each unchanged account object, until something changes', async () => {
    // useSyncExternalStore re-renders, and would loop, whenever getSnapshot answers a new object for the same data.
    const { me, store, seen, watch } = harness();
    expect(store.getSnapshot()).toEqual({ status: 'loading', accounts: [] });
    watch();
    await store.refresh();
    const first = store.getSnapshot();
    expect(first.status).toBe('ready');
    expect(Object.isFrozen(first) && Object.isFrozen(first.accounts) && Object.isFrozen(first.accounts[0])).toBe(true);
    await store.refresh();
    expect(store.getSnapshot()).toBe(first);
    expect(seen.notified).toBe(1);

    const [one] = me.accounts;
    if (one) one.scopes = ['openid', 'email'];
    await store.refresh();
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.accounts[0]?.scopes).toEqual(['openid', 'email']);
    expect(second.accounts[1]).toBe(first.accounts[1]);
    expect(seen.notified).toBe(2);
  });

  it('loads on the first subscribe only, once for subscribers that come together', async () => {
    const { store, watch, lists } = harness();
    const unsubscribe = watch();
    watch();
    expect(lists()).toBe(1);
    await store.refresh();
    unsubscribe();
    watch();
    expect(lists()).toBe(2);
  });

  it('never shows an answer older than the one shown', async () => {
    // Two reloads overlap (a refresh, then a disconnect's reload); the older one answers last with the old list.
    const { me, store, watch } = harness();
    watch();
    await store.refresh();
    const slow = deferred();
    me.gates.set(me.sent.length + 1, slow.promise);
    const older = store.refresh();
    me.accounts.splice(0, 1);
    await store.refresh();
    expect(store.getSnapshot().accounts.map((a) => a.id)).toEqual(['ca_2']);
    slow.release();
    await older;
    expect(store.getSnapshot().accounts.map((a) => a.id)).toEqual(['ca_2']);
  });

  it('keeps the accounts last seen through a failed reload, with the error; the same failure again changes nothing', async () => {
    const { me, store, seen, watch } = harness();
    watch();
    await store.refresh();
    me.session = false;
    await store.refresh();
    const failed = store.getSnapshot();
    expect(failed).toMatchObject({ status: 'error', error: { code: 'no_session' } });
    expect(failed.accounts).toHaveLength(2);
    await store.refresh();
    expect(store.getSnapshot()).toBe(failed);
    expect(seen.notified).toBe(2);
    me.session = true;
    await store.refresh();
    expect(store.getSnapshot().status).toBe('ready');
    expect(store.getSnapshot().error).toBeUndefined();
  });

  it('reloads after a disconnect, and after a token read that found the account needing re-authorization', async () => {
    // The list on screen must not keep showing a deleted account, or an account as healthy the vault has given up on.
    const { me, vault, store, watch, lists } = harness();
    watch();
    await store.refresh();
    const [first] = store.getSnapshot().accounts;
    expect(await first?.disconnect()).toEqual({ deleted: true, revokedAtProvider: true });
    expect(store.getSnapshot().accounts.map((a) => a.id)).toEqual(['ca_2']);

    const loaded = lists();
    me.token = () => {
      const [account] = me.accounts;
      if (account) account.status = 'needs_reauth';
      return json(409, { error: 'needs_reauth', message: 'connect again' });
    };
    const changed = new Promise((resolve) => store.subscribe(() => resolve(undefined)));
    expect(await vault.account('demo').getAccessToken()).toMatchObject({ error: { code: 'needs_reauth' } });
    await changed;
    expect(store.getSnapshot().accounts[0]?.status).toBe('needs_reauth');
    expect(lists()).toBe(loaded + 1);
  });

  it('reloads after a connect session binds the browser to another user, and not before anyone watches', async () => {
    const me = fakeMe([wireAccount({ id: 'ca_1' })]);
    const connect = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/api/auth/connect-session')
        ? json(200, { env: 'development', userId: 'u_42', provider: null, scopes: [] })
        : me.http(input, init)) as typeof fetch;
    const vault = createVault({ baseUrl: BASE, fetch: connect });
    await vault.redeemConnectSession('t');
    expect(me.sent).toHaveLength(0);
    vault.connectedAccounts.subscribe(() => {});
    await vault.connectedAccounts.refresh();
    me.accounts = [];
    await vault.redeemConnectSession('t2');
    expect(vault.connectedAccounts.getSnapshot()).toMatchObject({ status: 'ready', accounts: [] });
  });
});
