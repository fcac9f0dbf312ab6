import { aad, createCipher, defaultAead, isVaultError, webCryptoAead } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../src/crypto/node-crypto.js';
import { sha256 } from '../src/encoding.js';

// On Node the cipher uses Node's AES-GCM and the hash Node's SHA-256 (docs/architecture.md, "Crypto on Node"); other
// runtimes, and data written before, use WebCrypto's: the two must give the same bytes.
const nodeAead = defaultAead;

const master = () => crypto.getRandomValues(new Uint8Array(32));
const where = aad('connected_accounts', 'ca_1', 'access_token');

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe("Node's crypto in the core", () => {
  it('is what the core uses on Node', () => {
    expect(nodeCrypto).toBeDefined();
    expect(nodeAead).not.toBe(webCryptoAead);
  });

  it("hashes as WebCrypto's SHA-256 does, UTF-8 and base64url without padding", async () => {
    for (const text of ['', 'session-handle', 'tøken ✓ 𝄞']) {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      expect(await sha256(text)).toBe(Buffer.from(digest).toString('base64url'));
    }
  });

  it('reads what WebCrypto sealed and the other way round', async () => {
    const key = master();
    const node = await createCipher([key], nodeAead);
    const web = await createCipher([key], webCryptoAead);
    expect(await web.decrypt(await node.encrypt('gho_tøken', where), where)).toBe('gho_tøken');
    expect(await node.decrypt(await web.encrypt('gho_tøken', where), where)).toBe('gho_tøken');
  });

  it('decrypts ciphertexts made before the AEAD was injectable (HKDF deriveKey, then AES-GCM)', async () => {
    // The data key was derived with deriveKey; deriveBits with the same parameters must give the same key.
    const key = master();
    const base = await crypto.subtle.importKey('raw', key, 'HKDF', false, ['deriveKey']);
    const info = new TextEncoder().encode('tokenvault credentials aes-256-gcm v1');
    const dataKey = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const additionalData = new TextEncoder().encode(where);
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, new TextEncoder().encode('old')),
    );
    const node = await createCipher([key], nodeAead);
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
    expect(await node.decrypt(`v1.${node.primaryKeyId}.${b64(iv)}.${b64(sealed)}`, where)).toBe('old');
  });

  it('fails closed on another row, another key, a changed byte or a cut tag', async () => {
    const node = await createCipher([master()], nodeAead);
    const other = await createCipher([master()], nodeAead);
    const sealed = await node.encrypt('secret', where);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] as string, 'base64url');
    const flipped = Buffer.from(body);
    flipped[0] = (flipped[0] as number) ^ 1;
    const cases = [
      node.decrypt(sealed, aad('connected_accounts', 'ca_2', 'access_token')),
      other.decrypt(sealed.replace(node.primaryKeyId, other.primaryKeyId), where),
      node.decrypt([...parts.slice(0, 3), flipped.toString('base64url')].join('.'), where),
      node.decrypt([...parts.slice(0, 3), body.subarray(0, 10).toString('base64url')].join('.'), where),
    ];
    for (const attempt of cases) expect(isVaultError(await rejection(attempt), 'decryption_failed')).toBe(true);
  });
});
