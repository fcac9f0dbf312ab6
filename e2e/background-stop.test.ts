import type { AccountRow } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

// A process stopping mid-pass finishes the refresh it began, skips the accounts it claimed and had not begun,
// and gives their leases back when it settles, so another process refreshes them at once, not a lease later.
describe('stopping the background loop mid-pass', () => {
  let proxy: FaultProxy;
  let v: InProcessVault;
  beforeAll(async () => {
    proxy = await startFaultProxy();
    v = await startInProcessVault({ tokenProxy: proxy, accessTokenTtlSeconds: 3600 });
  });
  afterAll(async () => {
    await v?.close();
    await proxy?.close();
  });

  const stored = async (id: string) => (await v.store.getAccountById(id)) as AccountRow;

  it('completes the refresh under way, skips the rest of the batch and releases its leases on settle', async () => {
    const before: AccountRow[] = [];
    for (const login of ['stop-1', 'stop-2', 'stop-3']) {
      const { id } = await v.link(login, 'faulty');
      const row = await stored(id);
      await v.store.updateAccount(id, row.version, { nextRefreshAt: Date.now() - 1_000 });
      before.push(await stored(id));
    }
    const calls = proxy.matched;
    let release: (fault: 'forward') => void = () => {};
    proxy.next({ kind: 'hold', until: new Promise((resolve) => (release = resolve)) });
    const arrived = proxy.arrived(proxy.matched + 1);
    // One at a time: the first claimed account is at the provider's door, the other two wait their turn.
    const background = v.vault.startBackground({ refreshAhead: true, concurrency: 1, batchSize: 10 });
    await arrived;
    const claimed = await Promise.all(before.map((row) => stored(row.id)));
    expect(claimed.map((row) => row.leaseOwner)).toEqual(before.map(() => expect.any(String)));

    const stopped = background.stop();
    release('forward');
    await stopped;
    const after = await Promise.all(before.map((row) => stored(row.id)));
    const refreshed = after.filter((row, i) => row.version > (before[i] as AccountRow).version);
    expect(refreshed).toEqual([expect.objectContaining({ leaseOwner: null, status: 'active' })]);
    const skipped = after.filter((row, i) => row.version === (before[i] as AccountRow).version);
    expect(skipped.map((row) => row.leaseOwner)).toEqual([expect.any(String), expect.any(String)]);

    expect(await v.vault.settle()).toBe(2);
    const settled = await Promise.all(skipped.map((row) => stored(row.id)));
    // Free and still due: the next process's scheduler takes them on its next pass.
    for (const row of settled) {
      expect(row).toMatchObject({ leaseOwner: null, leaseExpiresAt: null, version: row.version });
      expect(row.nextRefreshAt).toBeLessThan(Date.now());
    }
    expect(proxy.matched - calls).toBe(1);
  });
});
