import { describe, expect, it } from 'vitest';
import { aad, createCipher } from '../src/crypto/cipher.js';
import { failure } from './failure.js';

const newMasterKey = () => crypto.getRandomValues(new Uint8Array(32));
const where = aad('accounts', 'ca_1', 'refresh_token');

/** Replaces one character of the sealed part (the first, whose bits are all significant) with another. */
function tamper(ciphertext: string): string {
  const parts = ciphertext.split('.');
  const sealed = parts[3] as string;
  parts[3] = (sealed[0] === 'A' ? 'B' : 'A') + sealed.slice(1);
  return parts.join('.');
}

describe('createCipher', () => {
  it('decrypts what it encrypted', async () => {
    // A ciphertext decrypts back to its plaintext, unicode included, under the same key and AAD.
    const cipher = await createCipher([newMasterKey()]);
    const plaintext = 'gho_tøken with spaces and . dots';
    const sealed = await cipher.encrypt(plaintext, where);
    expect(sealed).not.toContain(plaintext);
    expect(await cipher.decrypt(sealed, where)).toBe(plaintext);
  });

  it('binds a ciphertext to its row and column', async () => {
    // A ciphertext copied to another row or column must not decrypt there.
    const cipher = await createCipher([newMasterKey()]);
    const sealed = await cipher.encrypt('secret', where);
    const otherRow = await failure(cipher.decrypt(sealed, aad('accounts', 'ca_2', 'refresh_token')));
    const otherColumn = await failure(cipher.decrypt(sealed, aad('accounts', 'ca_1', 'access_token')));
    expect(otherRow.code).toBe('decryption_failed');
    expect(otherColumn.code).toBe('decryption_failed');
  });

  it('fails closed under another master key without revealing the plaintext', async () => {
    // A vault with the wrong master key gets decryption_failed, never the plaintext, not even in the message.
    const sealed = await (await createCipher([newMasterKey()])).encrypt('the-plaintext-value', where);
    const err = await failure((await createCipher([newMasterKey()])).decrypt(sealed, where));
    expect(err.code).toBe('decryption_failed');
    expect(err.message).not.toContain('the-plaintext-value');
  });

  it('rejects a tampered ciphertext', async () => {
    // Changing one character of the sealed part must break authentication.
    const cipher = await createCipher([newMasterKey()]);
    const sealed = await cipher.encrypt('secret', where);
    const tampered = tamper(sealed);
    expect(tampered).not.toBe(sealed);
    expect((await failure(cipher.decrypt(tampered, where))).code).toBe('decryption_failed');
  });

  it.each([
    ['an empty string', () => ''],
    ['plaintext', () => 'not encrypted at all'],
    ['a missing sealed part', (good: string) => good.split('.').slice(0, 3).join('.')],
    ['an extra part', (good: string) => `${good}.extra`],
    ['another format version', (good: string) => good.replace(/^v1\./, 'v2.')],
    ['an iv that is not base64', (good: string) => good.split('.').with(2, '!!!!').join('.')],
  ])('rejects %s as decryption_failed', async (_, make) => {
    // Anything that is not a well-formed ciphertext fails closed rather than passing through.
    const cipher = await createCipher([newMasterKey()]);
    const good = await cipher.encrypt('secret', where);
    expect((await failure(cipher.decrypt(make(good), where))).code).toBe('decryption_failed');
  });

  it('uses a fresh IV for every encryption', async () => {
    // Encrypting the same plaintext twice gives different ciphertexts, both of which decrypt.
    const cipher = await createCipher([newMasterKey()]);
    const first = await cipher.encrypt('same', where);
    const second = await cipher.encrypt('same', where);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
    expect(await cipher.decrypt(second, where)).toBe('same');
  });

  it('rotates keys: new key encrypts, old key still decrypts, old ciphertexts are stale', async () => {
    // After rotation, ciphertexts of the old key still decrypt and are flagged for re-encryption; new ones use the new key.
    const oldKey = newMasterKey();
    const newKey = newMasterKey();
    const before = await createCipher([oldKey]);
    const after = await createCipher([newKey, oldKey]);
    expect(after.primaryKeyId).toBe((await createCipher([newKey])).primaryKeyId);
    expect(after.primaryKeyId).not.toBe(before.primaryKeyId);

    const old = await before.encrypt('old secret', where);
    const fresh = await after.encrypt('new secret', where);
    expect(await after.decrypt(old, where)).toBe('old secret');
    expect(fresh.split('.')[1]).toBe(after.primaryKeyId);
    expect(after.isStale(old)).toBe(true);
    expect(after.isStale(fresh)).toBe(false);
    // The new ciphertext really is under the new key: a cipher holding only the old key cannot read it.
    expect((await failure(before.decrypt(fresh, where))).code).toBe('decryption_failed');
  });

  it.each([16, 31, 33, 64])('refuses a %i-byte master key', async (length) => {
    // Master keys are exactly 32 bytes; anything else is a configuration error.
    const err = await failure(createCipher([new Uint8Array(length)]));
    expect(err.code).toBe('invalid_request');
  });

  it('refuses an empty key ring', async () => {
    // A cipher with no key at all is a configuration error, not a cipher that fails later.
    expect((await failure(createCipher([]))).code).toBe('invalid_request');
  });
});

describe('aad', () => {
  it('names table, row and column', () => {
    // The additional data format is persisted implicitly in every ciphertext; changing it breaks stored data.
    expect(aad('accounts', 'ca_1', 'refresh_token')).toBe('["accounts","ca_1","refresh_token"]');
  });

  it('is unambiguous whatever the parts contain (regression: "a/b"+"c" once equalled "a"+"b/c")', () => {
    // Distinct (table, row, column) triples must never share additional data.
    expect(aad('a/b', 'c', 'd')).not.toBe(aad('a', 'b/c', 'd'));
  });
});
