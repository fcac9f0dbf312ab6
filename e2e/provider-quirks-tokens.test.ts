import { OPERATOR } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { connect, ENV, refreshed, vaultFor } from './support/quirky-vault.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instagram's renewal endpoints on the local provider, as the spec's `longLivedToken` names them. */
const longLivedOn = (url: string) => ({
  longLivedToken: {
    exchangeUri: `${url}/access_token`,
    exchangeGrantType: 'ig_exchange_token',
    refreshUri: `${url}/refresh_access_token`,
    refreshGrantType: 'ig_refresh_token',
  },
});

// Quirks of what token answers say and what refreshes must carry, each against a real server that behaves that way.
describe('provider quirks of token lifetimes and renewals', () => {
  it('swaps the short-lived token for a long-lived one at connect, and renews it with itself (longLivedToken)', async () => {
    const { vault, provider, clock, store } = await vaultFor({ longLived: true }, longLivedOn);
    const before = Date.now();
    const account = await connect(vault);
    // The exchange carried the app secret and the one-hour token; the account holds the 60-day one, no refresh token.
    expect(provider.exchanges).toHaveLength(1);
    expect(provider.exchanges[0]?.get('access_token')).toBe('user-token-1');
    expect(provider.exchanges[0]?.get('client_secret')).toBe('s3cret');
    expect(account.expiresAt).toBeGreaterThanOrEqual(before + 60 * DAY - 5_000);
    const stored = await store.getAccountById(account.id);
    expect(stored?.refreshToken).toBeNull();
    const read = (minValiditySeconds?: number) =>
      vault.getAccessToken({ env: ENV, userId: 'u1', accountId: account.id, minValiditySeconds }, OPERATOR);
    expect((await read()).accessToken).toBe('long-token-2');
    // Planned well before the expiry, never before the day the provider insists on.
    expect(stored?.nextRefreshAt).toBeGreaterThanOrEqual(before + DAY);
    expect(stored?.nextRefreshAt).toBeLessThan(account.expiresAt ?? 0);

    // A read wanting more validity than the token has, a day early: the provider would refuse, so it is not asked.
    expect((await read(90 * 86_400)).accessToken).toBe('long-token-2');
    expect(provider.renewals).toHaveLength(0);
    expect((await store.getAccountById(account.id))?.status).toBe('active');

    // 55 days on (both clocks: it is due about 10 % of its life early), the scheduler renews it with the token itself.
    clock.offsetMs = 55 * DAY;
    provider.clock.offsetMs = 55 * DAY;
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([
      { accountId: account.id, result: 'refreshed' },
    ]);
    expect(provider.renewals.map((query) => query.get('access_token'))).toEqual(['long-token-2']);
    expect(provider.renewals[0]?.get('grant_type')).toBe('ig_refresh_token');
    expect((await read()).accessToken).toBe('long-token-3');

    // Throttled (HTTP 400 with Graph's "too many calls" code): tried again later, the account stays active.
    clock.offsetMs = 110 * DAY;
    provider.clock.offsetMs = 110 * DAY;
    provider.throttleNextRenewal = true;
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([
      { accountId: account.id, result: 'failed', code: 'provider_unavailable' },
    ]);
    expect((await store.getAccountById(account.id))?.status).toBe('active');

    // Once the user removes the app, the renewal is refused: the account needs a reconnect at once.
    provider.revokeAll();
    clock.offsetMs = 112 * DAY;
    provider.clock.offsetMs = 112 * DAY;
    expect(await vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([
      { accountId: account.id, result: 'failed', code: 'needs_reauth' },
    ]);
    expect((await store.getAccountById(account.id))?.status).toBe('needs_reauth');
  });

  it('without longLivedToken, the one-hour token is all an Instagram-like account has', async () => {
    const { vault, provider } = await vaultFor({ longLived: true });
    const account = await connect(vault);
    expect(provider.exchanges).toHaveLength(0);
    expect(account.expiresAt).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(account.nextRefreshAt).toBeNull();
  });

  it('reads the expiry from expires_at where the answer has no expires_in (Square, expiresAtField)', async () => {
    // The provider's tokens live two hours; the assumed lifetime is one, so only the field gets it right.
    const { vault, provider } = await vaultFor(
      { expiresAt: true },
      { expiresAtField: 'expires_at', defaultTokenLifetimeSeconds: 3_600 },
    );
    const before = Date.now();
    const account = await connect(vault);
    expect(account.expiresAt).toBeGreaterThan(before + 2 * HOUR - 2_000);
    expect(account.expiresAt).toBeLessThanOrEqual(Date.now() + 2 * HOUR);
    const token = await refreshed(vault, account.id);
    expect(token.accessToken).toBe(provider.userTokens.at(-1));
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 2 * HOUR - 3_000);

    const assumed = await vaultFor({ expiresAt: true }, { defaultTokenLifetimeSeconds: 3_600 });
    expect((await connect(assumed.vault)).expiresAt).toBeLessThanOrEqual(Date.now() + HOUR);
  });

  it('sends the redirect URI on refreshes where the provider wants it (Gusto, refreshSendsRedirectUri)', async () => {
    const { vault, provider } = await vaultFor({ redirectUriOnRefresh: true }, { refreshSendsRedirectUri: true });
    const account = await connect(vault);
    expect((await refreshed(vault, account.id)).accessToken).toBe(provider.userTokens.at(-1));
    expect(provider.tokenForms.at(-1)?.get('redirect_uri')).toBe('http://vault.test/api/auth/quirky/handler/frame');
    expect(provider.refreshes).toBe(1);

    const plain = await vaultFor({ redirectUriOnRefresh: true });
    const other = await connect(plain.vault);
    await expect(refreshed(plain.vault, other.id)).rejects.toMatchObject({ code: 'provider_error' });
    expect(plain.provider.tokenForms.at(-1)?.has('redirect_uri')).toBe(false);
  });
});
