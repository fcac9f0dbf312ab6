import { FORCED_REFRESH_INTERVAL_SECONDS, OPERATOR, type Vault } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { connect, ENV, refreshed, vaultFor } from './support/quirky-vault.js';

const read = (vault: Vault, accountId: string, minValiditySeconds?: number) =>
  vault.getAccessToken(
    { env: ENV, userId: 'u1', accountId, ...(minValiditySeconds !== undefined && { minValiditySeconds }) },
    OPERATOR,
  );

// A minValiditySeconds longer than the token's lifetime causes one refresh and serves that token: any reader asking
// for a day of validity on every call must not make the vault refresh at the provider on every call.
describe('reads that ask for more validity than any token has', () => {
  it('refresh once for any number of reads, in every process, until the interval has passed', async () => {
    // Regression: every such read went to the token endpoint (Zoho allows 10 refreshes in 10 minutes).
    const { vault, provider, clock, twin } = await vaultFor({});
    const account = await connect(vault);
    const first = await refreshed(vault, account.id);
    for (let i = 0; i < 5; i++) expect((await refreshed(vault, account.id)).accessToken).toBe(first.accessToken);
    const together = await Promise.all(Array.from({ length: 10 }, () => refreshed(vault, account.id)));
    expect(new Set(together.map((token) => token.accessToken))).toEqual(new Set([first.accessToken]));
    // Another process decides the same from the stored refresh time, not from memory of its own.
    expect((await refreshed(twin(), account.id)).accessToken).toBe(first.accessToken);
    expect(provider.refreshes).toBe(1);

    clock.offsetMs = FORCED_REFRESH_INTERVAL_SECONDS * 1000;
    const later = await refreshed(vault, account.id);
    expect(later.accessToken).not.toBe(first.accessToken);
    expect(provider.refreshes).toBe(2);
  });

  it('never hold back a refresh the token needs: near expiry by the normal margin, or expired', async () => {
    // Two-minute tokens: the normal margin is half the lifetime, and both moves stay within the interval.
    const { vault, provider, clock } = await vaultFor({ noExpiresIn: true }, { defaultTokenLifetimeSeconds: 120 });
    const account = await connect(vault);
    const first = await refreshed(vault, account.id);
    expect(provider.refreshes).toBe(1);
    clock.offsetMs = 70_000; // 50 s left: less than the 60 s margin
    const nearExpiry = await read(vault, account.id, 86_400);
    expect(nearExpiry.accessToken).not.toBe(first.accessToken);
    expect(provider.refreshes).toBe(2);
    clock.offsetMs = 70_000 + 121_000; // the second token has expired
    expect((await read(vault, account.id, 0)).accessToken).not.toBe(nearExpiry.accessToken);
    expect(provider.refreshes).toBe(3);
    // Without minValiditySeconds the normal margin alone decides, as before.
    expect((await read(vault, account.id)).accessToken).toBe(provider.userTokens.at(-1));
    expect(provider.refreshes).toBe(3);
  });
});
