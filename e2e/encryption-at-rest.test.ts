import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot, execute } from './support/db-snapshot.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// Stored tokens are AES-256-GCM ciphertext bound to their row and column: a copied ciphertext or the wrong
// master key fails closed, never yielding another row's token.
describe('encryption at rest', () => {
  let dir: string;
  let vault: InProcessVault;
  let alice: string;
  let bob: string;
  let alicesToken: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-at-rest-'));
    vault = await startInProcessVault({ dir });
    alicesToken = (await vault.connect(vault.newJar(), 'alice')).response.providerInfo.accessToken;
    await vault.connect(vault.newJar(), 'bob');
    alice = (await vault.vault.listAccounts('development', 'demo:alice', OPERATOR))[0]?.id as string;
    bob = (await vault.vault.listAccounts('development', 'demo:bob', OPERATOR))[0]?.id as string;
  });
  afterAll(async () => {
    await vault.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores only ciphertext, naming the key that made it', () => {
    const rows = dbSnapshot(dir).connected_accounts as Array<Record<string, string>>;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      for (const column of ['access_token', 'refresh_token', 'id_token']) {
        expect(row[column]).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]{20,}$/);
      }
    }
    expect(JSON.stringify(rows)).not.toContain(alicesToken);
    const flows = dbSnapshot(dir).auth_flows as Array<Record<string, string>>;
    for (const flow of flows) expect(flow.code_verifier).toMatch(/^v1\./);
  });

  it('refuses a ciphertext moved to another row', async () => {
    execute(
      dir,
      `update connected_accounts set access_token = (select access_token from connected_accounts where id = ?) where id = ?`,
      alice,
      bob,
    );
    const response = await vault.request(`${VAULT_URL}/v1/users/demo%3Abob/connected-accounts/${bob}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).error).toBe('decryption_failed');
    expect(text).not.toContain(alicesToken);
    // The row it came from still decrypts.
    const own = await vault.vault.getAccessToken(
      {
        env: 'development',
        userId: 'demo:alice',
        accountId: alice,
        minValiditySeconds: 0,
      },
      OPERATOR,
    );
    expect(own.accessToken).toBe(alicesToken);
  });

  it('refuses to decrypt with another master key', async () => {
    const other = await startInProcessVault({ dir, masterKey: new Uint8Array(32).fill(9) });
    try {
      const err = await other.vault
        .getAccessToken({ env: 'development', userId: 'demo:alice', accountId: alice, minValiditySeconds: 0 }, OPERATOR)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'decryption_failed' });
    } finally {
      await other.close();
    }
  });
});
