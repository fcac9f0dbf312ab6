import type { Cipher } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

/** Counts the real cipher's decryptions by the column the additional data names (core's `aad`). */
function countingDecryptions(counts: Map<string, number>) {
  return (cipher: Cipher): Cipher => ({
    get primaryKeyId() {
      return cipher.primaryKeyId;
    },
    encrypt: (plaintext, aad) => cipher.encrypt(plaintext, aad),
    decrypt(ciphertext, aad) {
      const column = (JSON.parse(aad) as string[])[2] as string;
      counts.set(column, (counts.get(column) ?? 0) + 1);
      return cipher.decrypt(ciphertext, aad);
    },
    isStale: (ciphertext) => cipher.isStale(ciphertext),
    keyIdOf: (ciphertext) => cipher.keyIdOf(ciphertext),
    hasKey: (keyId) => cipher.hasKey(keyId),
  });
}

// A read that refreshes hands out the token the provider just gave: the vault encrypts it to store it and does
// not decrypt it again, for the read that triggered the refresh nor for the reads of this process that waited on
// it. Regression: each of them decrypted the freshly stored ciphertext.
describe('decryptions on the token read path', () => {
  const counts = new Map<string, number>();
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ wrapCipher: countingDecryptions(counts) });
  });
  afterAll(() => vault.close());

  async function read(base: string) {
    const response = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: '{}',
    });
    return { status: response.status, body: await response.json() };
  }

  it('decrypts the refresh token once and the refreshed access token never', async () => {
    const { base, popupToken } = await vault.link('dee');
    counts.clear();
    vault.clock.offsetMs = 61_000; // past the 60 s lifetime, as the vault sees it
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => read(base)));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill(200));
      const tokens = new Set(results.map((r) => r.body.accessToken));
      expect(tokens.size).toBe(1);
      expect(tokens.has(popupToken)).toBe(false);
      expect(Object.fromEntries(counts)).toEqual({ refresh_token: 1 });

      // No refresh due: the stored ciphertext is decrypted, and it is the token the refresh handed out.
      counts.clear();
      const again = await read(base);
      expect(again.body.accessToken).toBe(results[0]?.body.accessToken);
      expect(Object.fromEntries(counts)).toEqual({ access_token: 1 });
    } finally {
      vault.clock.offsetMs = 0;
    }
  });
});
