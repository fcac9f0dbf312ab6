import { describe, expect, it } from 'vitest';
import { createConnectedAccounts } from '../src/connected-accounts.js';
import { RejectedError } from '../src/errors.js';
import type { Session } from '../src/session.js';
import { BASE, deferred, fakeMe, linkAt, type WireAccount, wireAccount } from './fake-me.js';

/** Connected accounts over a fake /v1/me, with a scripted login that links at the fake vault as `who`. */
function harness(accounts: WireAccount[] = []) {
  const me = fakeMe(accounts);
  const logins: string[][] = [];
  const script = {
    who: 'ann',
    login: async (scopes: string[]): Promise<Session> => linkAt(me, script.who, scopes),
  };
  const vault = createConnectedAccounts(me.http, BASE, (_provider, scopes) => {
    logins.push(scopes);
    return script.login(scopes);
  });
  return { me, vault, logins, script };
}

const ann = (fields: Partial<WireAccount> = {}) => wireAccount({ id: 'ca_ann', providerAccountId: 'ann', ...fields });

describe('getOrLinkConnectedAccount', () => {
  it('answers a healthy account holding every scope without a login', async () => {
    const { vault, logins } = harness([ann({ scopes: ['openid', 'email'] })]);
    const account = await vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] });
    expect(account.id).toBe('ca_ann');
    expect(logins).toEqual([]);
  });

  it('steps up with one login asking for the missing scopes and those held; the same account holds both', async () => {
    // Asking for `email` alone would let a provider that narrows grants to the request drop `openid`.
    const { vault, logins } = harness([ann({ scopes: ['openid'] })]);
    const account = await vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] });
    expect(logins).toEqual([['openid', 'email']]);
    expect(account).toMatchObject({ id: 'ca_ann', scopes: ['openid', 'email'], status: 'active' });
    expect(vault.connectedAccounts.getSnapshot().accounts).toEqual([account]);
  });

  it('links again an account needing re-authorization, even though it holds the scopes', async () => {
    // Its token is unusable: holding the scope on paper is not enough.
    const { vault, logins } = harness([ann({ status: 'needs_reauth' })]);
    const account = await vault.getOrLinkConnectedAccount('demo', { scopes: ['openid'] });
    expect(logins).toHaveLength(1);
    expect(account).toMatchObject({ id: 'ca_ann', status: 'active' });
  });

  it('fails with RejectedError when the consent is refused or does not grant a scope', async () => {
    const { me, vault, script } = harness([ann()]);
    script.login = async () => {
      throw new RejectedError('access_denied');
    };
    await expect(vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] })).rejects.toBeInstanceOf(RejectedError);
    script.login = async () => linkAt(me, 'ann', ['openid']); // the user unticked email
    const failure = await vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RejectedError);
    expect(failure).toMatchObject({ code: 'rejected', message: 'the login did not grant email' });
  });

  it('gives concurrent calls one popup; a call needing more waits for it, looks again, and only then asks', async () => {
    const { me, vault, logins, script } = harness([ann()]);
    const consent = deferred();
    script.login = async (scopes) => {
      await consent.promise;
      return linkAt(me, 'ann', scopes);
    };
    const first = vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] });
    const same = vault.getOrLinkConnectedAccount('demo', { scopes: ['email'] });
    const more = vault.getOrLinkConnectedAccount('demo', { scopes: ['email', 'profile'] });
    await tick();
    expect(logins).toEqual([['openid', 'email']]);
    consent.release();
    expect((await first).id).toBe('ca_ann');
    expect(await same).toBe(await first);
    expect((await more).scopes).toEqual(['openid', 'email', 'profile']);
    expect(logins).toEqual([
      ['openid', 'email'],
      ['openid', 'email', 'profile'],
    ]);
  });
});

describe('linkConnectedAccount', () => {
  it('always asks, opening the login before it returns, and answers the account it linked', async () => {
    // From a click: the popup must open in the click's synchronous stack, so nothing is awaited before it.
    const { vault, logins, script } = harness([ann()]);
    script.who = 'bob';
    const pending = vault.linkConnectedAccount('demo', { scopes: ['openid'] });
    expect(logins).toEqual([['openid']]);
    expect(await pending).toMatchObject({ providerAccountId: 'bob', scopes: ['openid'] });
    expect(vault.connectedAccounts.getSnapshot().accounts.map((a) => a.providerAccountId)).toEqual(['ann', 'bob']);
  });

  it('picks the account the login linked by its display name when several hold the scopes', async () => {
    // The popup names no account id; bob was written last by a refresh, yet the login was ann's.
    const { me, vault } = harness([ann(), wireAccount({ id: 'ca_bob', providerAccountId: 'bob' })]);
    const relinked = vault.linkConnectedAccount('demo', { scopes: ['openid'] });
    const bob = me.accounts[1];
    if (bob) bob.updatedAt = '2031-01-01T00:00:00.000Z';
    expect((await relinked).id).toBe('ca_ann');
  });
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
