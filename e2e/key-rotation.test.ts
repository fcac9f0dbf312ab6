import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCipher, createProviderRegistry, createVault, OPERATOR, type Store } from '@tokenvault/core';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

const OLD = new Uint8Array(32).fill(1); // the in-process vault's key
const NEW = new Uint8Array(32).fill(2);
const b64 = (key: Uint8Array) => Buffer.from(key).toString('base64');

// docs/security.md, "Rotating keys": keys rotate online. With the new key current and the old one still able to decrypt,
// `tokenvault keys rotate` re-encrypts every credential under the new key; the old key can then go.
describe('master key rotation', () => {
  let vault: InProcessVault;
  const accounts: { userId: string; id: string }[] = [];

  beforeAll(async () => {
    vault = await startInProcessVault({ masterKey: OLD });
    for (const login of ['rot-a', 'rot-b']) accounts.push(await vault.link(login));
  });
  afterAll(() => vault.close());

  /** A vault over the same database with these master keys (the first encrypts). */
  async function vaultWith(keys: Uint8Array[]) {
    const store = createSqliteStore({ filename: join(vault.dir, 'vault.db') });
    const other = createVault({
      store,
      cipher: await createCipher(keys),
      providers: createProviderRegistry({ development: [] }),
      publicUrl: 'http://vault.test',
    });
    const read = (account: { userId: string; id: string }) =>
      other.getAccessToken({ env: 'development', userId: account.userId, accountId: account.id }, OPERATOR);
    return { read, close: () => store.close() };
  }

  it('re-encrypts every credential under the new key, after which the old key is not needed', async () => {
    const before = await Promise.all(
      accounts.map((a) =>
        vault.vault.getAccessToken({ env: 'development', userId: a.userId, accountId: a.id }, OPERATOR),
      ),
    );
    const config = join(vault.dir, 'rotate.yaml');
    await writeFile(
      config,
      `database: sqlite:./vault.db\nmasterKey: ${b64(NEW)}\npreviousMasterKeys: [${b64(OLD)}]\nenvironments: {}\n`,
    );
    const rotated = await runCli(['keys', 'rotate', '--config', config]);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain(`re-encrypted ${accounts.length} of ${accounts.length} credentials`);

    const newKeyId = (await createCipher([NEW])).primaryKeyId;
    for (const account of accounts) {
      const row = await vault.store.getAccountById(account.id);
      for (const sealed of [row?.accessToken, row?.refreshToken, row?.idToken]) {
        expect(sealed?.split('.')[1]).toBe(newKeyId);
      }
    }
    const onlyNew = await vaultWith([NEW]);
    try {
      const after = await Promise.all(accounts.map(onlyNew.read));
      expect(after.map((t) => t.accessToken)).toEqual(before.map((t) => t.accessToken));
    } finally {
      await onlyNew.close();
    }
    const onlyOld = await vaultWith([OLD]);
    try {
      await expect(onlyOld.read(accounts[0] as { userId: string; id: string })).rejects.toMatchObject({
        code: 'decryption_failed',
      });
    } finally {
      await onlyOld.close();
    }

    const again = await runCli(['keys', 'rotate', '--config', config]);
    // Nothing left to do reads as a result, not as a failure.
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `nothing to re-encrypt: all ${accounts.length} credentials are already under the current master key`,
    );
    expect(again.stdout).not.toMatch(/re-encrypted 0/);
  });

  // A wrong masterKey used to start fine and fail every read with "502 provider_error": a key problem blamed on the
  // provider. Serving and rotating now refuse at once, naming the key ids the stored credentials need.
  it('refuses to serve or rotate when stored credentials need a master key that is not configured', async () => {
    const rows = await vault.store.listAccountsAfter(null, 1000);
    const neededKeyId = rows[0]?.accessToken.split('.')[1] as string;
    expect(neededKeyId).toBeTruthy();
    const wrong = join(vault.dir, 'wrong-key.yaml');
    const otherKey = b64(new Uint8Array(32).fill(3));
    await writeFile(wrong, `database: sqlite:./vault.db\nmasterKey: ${otherKey}\nenvironments: { development: {} }\n`);
    const served = await runCli(['serve', '--config', wrong, '--port', '0']);
    expect(served.code).toBe(1);
    expect(served.stderr).toContain('encrypted with master keys that are not configured');
    expect(served.stderr).toContain(neededKeyId);
    expect(served.stderr).toContain('previousMasterKeys');
    const rotated = await runCli(['keys', 'rotate', '--config', wrong]);
    expect(rotated.code).toBe(1);
    expect(rotated.stderr).toContain(neededKeyId);
  });

  it('keeps a refresh that lands while it runs: the compare-and-swap loses, and the new row is re-encrypted', async () => {
    // The serving vault (old key only) refreshes the account between rotate's read and its write.
    const racing = await vault.link('rot-race');
    const forced = { env: 'development', userId: racing.userId, accountId: racing.id, minValiditySeconds: 3600 };
    let refreshed: string | undefined;
    const store = createSqliteStore({ filename: join(vault.dir, 'vault.db') });
    const racy: Store = {
      ...store,
      async updateAccount(id, version, change, outbox) {
        if (id === racing.id && refreshed === undefined) {
          refreshed = (await vault.vault.getAccessToken(forced, OPERATOR)).accessToken;
        }
        return store.updateAccount(id, version, change, outbox);
      },
    };
    const rotating = createVault({
      store: racy,
      cipher: await createCipher([NEW, OLD]),
      providers: createProviderRegistry({ development: [] }),
      publicUrl: 'http://vault.test',
    });
    try {
      const result = await rotating.rekey();
      expect(result).toEqual({ accounts: accounts.length + 1, rekeyed: 1 });
    } finally {
      await store.close();
    }
    expect(refreshed).toEqual(expect.any(String));
    expect(refreshed).not.toBe(racing.popupToken);
    // The refreshed token set survived, under the new key: had rotate written its stale copy, this would be the
    // popup's token (and the rotated refresh token would be lost).
    const onlyNew = await vaultWith([NEW]);
    try {
      expect((await onlyNew.read(racing)).accessToken).toBe(refreshed);
    } finally {
      await onlyNew.close();
    }
  });
});
