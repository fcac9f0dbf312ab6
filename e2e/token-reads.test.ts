import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

// Reading tokens against the real provider: refresh once per account in a process, classify what the
// provider says, keep the credential on outages, revoke on disconnect.
describe('token reads', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault();
  });
  afterAll(() => vault.close());

  const linked = (login: string, provider = 'demo') => vault.link(login, provider);

  async function read(base: string, body: object = {}) {
    const response = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it('refreshes an expiring token once however many requests arrive together', async () => {
    // One process, 25 concurrent reads of one expired credential: one token-endpoint call, one token for all.
    const { base, popupToken } = await linked('sam');
    const before = vault.demo.stats.refreshGrants;
    vault.clock.offsetMs = 61_000; // past the 60 s lifetime, as the vault sees it
    try {
      const results = await Promise.all(Array.from({ length: 25 }, () => read(base)));
      expect(results.map((r) => r.status)).toEqual(Array(25).fill(200));
      expect(new Set(results.map((r) => r.body.accessToken)).size).toBe(1);
      expect(results[0]?.body.accessToken).not.toBe(popupToken);
      expect(vault.demo.stats.refreshGrants - before).toBe(1);
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('refreshes once, without looping, when minValiditySeconds exceeds the token lifetime', async () => {
    // A 60 s token asked to last an hour: one refresh, and that token is returned.
    const { base, popupToken } = await linked('long');
    const before = vault.demo.stats.refreshGrants;
    const result = await read(base, { minValiditySeconds: 3600 });
    expect(result.status).toBe(200);
    expect(result.body.accessToken).not.toBe(popupToken);
    expect(vault.demo.stats.refreshGrants - before).toBe(1);
  });

  it('answers needs_reauth at once when the user revoked access at the provider, and stops calling it', async () => {
    // invalid_grant is final: the account is marked, later reads do not call the provider again.
    const { base } = await linked('rev');
    await vault.demo.revokeAll('rev');
    const first = await read(base, { minValiditySeconds: 3600 });
    expect(first.status).toBe(409);
    expect(first.body.error).toBe('needs_reauth');
    const account = await vault.request(base, { headers: { authorization: `Bearer ${await vault.jwt()}` } });
    expect(await account.json()).toMatchObject({ status: 'needs_reauth' });
    const calls = vault.demo.stats.tokenRequests;
    expect((await read(base, { minValiditySeconds: 3600 })).status).toBe(409);
    expect(vault.demo.stats.tokenRequests).toBe(calls);
  });

  it('treats a revoked account like one that needs re-authentication: no read, no refresh', async () => {
    // Nothing in this version sets `revoked` (it is documented for provider-side revocation notices), but a row
    // holding it is refused at once and left out of refresh-ahead, as needs_reauth is.
    const { id, base } = await linked('revoked-at-provider');
    const row = await vault.store.getAccountById(id);
    expect(await vault.store.updateAccount(id, row?.version as number, { status: 'revoked', nextRefreshAt: 0 })).toBe(
      true,
    );
    const calls = vault.demo.stats.tokenRequests;
    const first = await read(base, { minValiditySeconds: 3600 });
    expect({ status: first.status, error: first.body.error }).toEqual({ status: 409, error: 'needs_reauth' });
    expect(vault.demo.stats.tokenRequests).toBe(calls);
    // Other accounts of this file may be due too; this one is skipped without a provider call.
    const results = await vault.vault.refreshDue({ limit: 100, concurrency: 1 });
    expect(results.find((r) => r.accountId === id)).toEqual({
      accountId: id,
      result: 'skipped',
      reason: 'the account is revoked',
    });
  });

  it('disconnect revokes the grant at the provider, then deletes the credential', async () => {
    // DELETE revokes the grant at the provider (RFC 7009) before deleting the credential.
    const { base, popupToken } = await linked('dan');
    const userinfo = () =>
      fetch(`${vault.demo.issuer}/me`, { headers: { authorization: `Bearer ${popupToken}` } }).then((r) => r.status);
    expect(await userinfo()).toBe(200);
    const response = await vault.request(base, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    expect(await response.json()).toEqual({ deleted: true, revokedAtProvider: true });
    expect(await userinfo()).toBe(401);
    expect((await vault.request(base, { headers: { authorization: `Bearer ${await vault.jwt()}` } })).status).toBe(404);
  });

  it('links a plain OAuth 2.0 provider, identifying the account from its userinfo endpoint', async () => {
    // No ID token is needed: the account id comes from account.idPath of the userinfo answer.
    const { account, userId, base } = await linked('olga', 'plain');
    expect(userId).toBe('plain:olga');
    expect(account).toMatchObject({
      provider: 'plain',
      providerAccountId: 'olga',
      displayName: 'olga@demo.tokenvault.local',
    });
    expect((await read(base, { minValiditySeconds: 3600 })).status).toBe(200);
  });

  it('linking the same provider account again updates it and keeps its id', async () => {
    // One row per (user, provider, provider account): a second consent refreshes the credential in place.
    const jar = vault.newJar();
    await vault.connect(jar, 'kim');
    const [first] = await vault.vault.listAccounts('development', 'demo:kim', OPERATOR);
    await vault.connect(jar, 'kim');
    const accounts = await vault.vault.listAccounts('development', 'demo:kim', OPERATOR);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]?.id).toBe(first?.id);
    expect(accounts[0]?.updatedAt).toBeGreaterThanOrEqual(first?.updatedAt ?? 0);
  });

  it('answers provider_unavailable with Retry-After when the provider is down, and keeps the credential', async () => {
    // A network failure is transient: 503, the stored tokens and status untouched, the failure recorded for the
    // back-off. (Runs last: it stops the provider.)
    const { base, account } = await linked('dora');
    const credential = (rows: unknown[] = []) =>
      (rows as Record<string, unknown>[]).map(({ access_token, refresh_token, id_token, expires_at, status }) => ({
        access_token,
        refresh_token,
        id_token,
        expires_at,
        status,
      }));
    const before = credential(dbSnapshot(vault.dir).connected_accounts);
    await vault.stopProvider();
    const result = await read(base, { minValiditySeconds: 3600 });
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ error: 'provider_unavailable', retryAfter: expect.any(Number) });
    expect(result.headers.get('retry-after')).toBe(String(result.body.retryAfter));
    expect(credential(dbSnapshot(vault.dir).connected_accounts)).toEqual(before);
    const after = await vault.vault.getAccount('development', 'demo:dora', account.id, OPERATOR);
    expect(after).toMatchObject({ status: 'active', lastError: expect.stringMatching(/unreachable/) });
    // Within the back-off the next read does not call the provider again: it fails fast with the wait left.
    const again = await read(base, { minValiditySeconds: 3600 });
    expect(again.status).toBe(503);
    expect(again.body.retryAfter).toBeLessThanOrEqual(result.body.retryAfter);
  });
});
