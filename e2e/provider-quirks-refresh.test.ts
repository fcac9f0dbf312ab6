import { OPERATOR } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { connect, ENV, refreshed, vaultFor } from './support/quirky-vault.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The refresh quirks of the provider spec, each against a real server that behaves that way (the connect-time ones
// are in provider-quirks.test.ts).
describe('provider quirks on refresh', () => {
  it('leaves scope out of refreshes unless the spec sends it (scopes.sendOnRefresh)', async () => {
    // A provider that answers invalid_scope to a refresh carrying `scope` (Railway documents this).
    const refusing = await vaultFor({ scopeOnRefresh: 'refused' });
    const account = await connect(refusing.vault);
    expect((await refreshed(refusing.vault, account.id)).accessToken).toBe(refusing.provider.userTokens.at(-1));
    expect(refusing.provider.tokenForms.at(-1)?.has('scope')).toBe(false);

    // One that wants the scopes again: without the field the refresh fails, with it the granted scopes go along.
    const plain = await vaultFor({ scopeOnRefresh: 'required' });
    const other = await connect(plain.vault);
    await expect(refreshed(plain.vault, other.id)).rejects.toMatchObject({ code: 'provider_error' });
    const sending = await vaultFor({ scopeOnRefresh: 'required' }, { scopes: { sendOnRefresh: true, separator: ',' } });
    const third = await connect(sending.vault);
    expect((await refreshed(sending.vault, third.id)).accessToken).toBe(sending.provider.userTokens.at(-1));
    expect(sending.provider.tokenForms.at(-1)?.get('scope')).toBe('read');
    expect(sending.provider.refreshes).toBe(1);
  });

  it('keeps a refresh that hands back the same access token as a success, with the expiry the provider states', async () => {
    const { vault, provider, store } = await vaultFor({ sameTokenUntilExpiry: true });
    const account = await connect(vault);
    const token = await refreshed(vault, account.id);
    expect(provider.refreshes).toBe(1);
    expect(provider.userTokens).toHaveLength(1); // nothing new was minted
    expect(token.accessToken).toBe(provider.userTokens[0]);
    const row = await store.getAccountById(account.id);
    expect(row?.status).toBe('active');
    expect(row?.failureCount).toBe(0);
    // The provider said how long the token still lives; the stored expiry stays within a second or two of it.
    expect(Math.abs((row?.expiresAt ?? 0) - (account.expiresAt ?? 0))).toBeLessThan(3_000);
  });

  it('waits for the expiry before refreshing where the provider hands back the same token (sameTokenUntilExpiry)', async () => {
    const { vault, provider, clock, store } = await vaultFor(
      { sameTokenUntilExpiry: true },
      { sameTokenUntilExpiry: true },
    );
    const account = await connect(vault);
    // The scheduler plans the refresh at the expiry itself, not ahead of it.
    expect(account.nextRefreshAt).toBe(account.expiresAt);
    // A read asking for more validity than the token has gets the held token: asking would bring it back again.
    for (let read = 0; read < 3; read++) {
      expect((await refreshed(vault, account.id)).accessToken).toBe(provider.userTokens[0]);
    }
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([]);
    expect(provider.refreshes).toBe(0);

    // Once it has expired (both clocks moved), one refresh brings a new token with a new expiry.
    clock.offsetMs = HOUR + 1_000;
    provider.clock.offsetMs = HOUR + 1_000;
    const fresh = await vault.getAccessToken({ env: ENV, userId: 'u1', accountId: account.id }, OPERATOR);
    expect(fresh.accessToken).toBe(provider.userTokens[1]);
    expect(provider.refreshes).toBe(1);
    expect(fresh.expiresAt).toBeGreaterThan(Date.now() + clock.offsetMs + HOUR - 60_000);
    await vault.getAccessToken({ env: ENV, userId: 'u1', accountId: account.id }, OPERATOR);
    expect(provider.refreshes).toBe(1);
    expect((await store.getAccountById(account.id))?.nextRefreshAt).toBe(fresh.expiresAt);
  });

  it('keeps the refresh token expiry, refreshes before it, and past it asks for a reconnect (refreshTokenExpiresIn)', async () => {
    // Access tokens that never expire, so only the refresh token's lifetime can make the scheduler refresh.
    const { vault, provider, clock, store } = await vaultFor(
      { refreshTokenLifetimeSeconds: 2 * 86_400, neverExpiresAsZero: true },
      { refreshTokenExpiresIn: 'refresh_token_expires_in' },
    );
    const before = Date.now();
    const account = await connect(vault);
    const expiry = Date.parse(account.metadata.refresh_token_expires_at ?? '');
    expect(expiry).toBeGreaterThanOrEqual(before + 2 * DAY);
    expect(expiry).toBeLessThanOrEqual(Date.now() + 2 * DAY);
    // Planned once 80-90% of its life has passed (jitter), never at or after its end.
    expect(account.nextRefreshAt).toBeGreaterThanOrEqual(before + 1.6 * DAY);
    expect(account.nextRefreshAt).toBeLessThanOrEqual(Date.now() + 1.8 * DAY);

    clock.offsetMs = (account.nextRefreshAt ?? 0) - Date.now() + 1_000;
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([
      { accountId: account.id, result: 'refreshed' },
    ]);
    expect(provider.refreshes).toBe(1);
    const row = await store.getAccountById(account.id);
    const renewed = Date.parse(row?.metadata.refresh_token_expires_at ?? '');
    expect(renewed).toBeGreaterThan(expiry); // the new refresh token's own lifetime
    expect(row?.nextRefreshAt).toBeLessThan(renewed);

    // Past the refresh token's end (the vault was down, say), the account needs a reconnect; the provider is not
    // asked, so a provider that would answer something vaguer than invalid_grant cannot keep it retrying.
    clock.offsetMs = renewed - Date.now() + 1_000;
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([
      { accountId: account.id, result: 'failed', code: 'needs_reauth' },
    ]);
    expect(provider.refreshes).toBe(1);
    const dead = await store.getAccountById(account.id);
    expect(dead?.status).toBe('needs_reauth');
    expect(dead?.nextRefreshAt).toBeNull();
    await expect(
      vault.getAccessToken({ env: ENV, userId: 'u1', accountId: account.id }, OPERATOR),
    ).rejects.toMatchObject({ code: 'needs_reauth' });
  });

  it("sends each account's refresh to its own region's token host (a per-account param in tokenUri)", async () => {
    const { vault, provider } = await vaultFor({}, (url) => ({
      authorizeUri: `${url}/t/{region}/authorize`,
      tokenUri: `${url}/t/{region}/token`,
      account: { userInfoUri: `${url}/t/{region}/me`, idPath: 'id' },
      params: { region: { pattern: 'us|eu|au', description: 'the data region', default: 'us' } },
    }));
    const link = (userId: string, region?: string) => connect(vault, { userId, scopes: [], params: { region } });
    const european = await link('u1', 'eu');
    const american = await link('u2'); // the param's default
    expect(european.metadata).toMatchObject({ region: 'eu' });
    expect(american.metadata).toMatchObject({ region: 'us' });
    const read = (userId: string, accountId: string) =>
      vault.getAccessToken({ env: ENV, userId, accountId, minValiditySeconds: 86_400 }, OPERATOR);

    provider.tenants.length = 0;
    await read('u1', european.id);
    expect(provider.tenants).toEqual(['eu']); // the refresh, and nothing else
    provider.tenants.length = 0;
    await read('u2', american.id);
    expect(provider.tenants).toEqual(['us']);
    expect(provider.refreshes).toBe(2);
  });
});
