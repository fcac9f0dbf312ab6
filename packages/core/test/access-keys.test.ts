import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateAccessKey, isKeyId, newKeyId } from '../src/clients/access-keys.js';
// The deprecated client-side signer core still exports: what it signs must stay what the vault verifies.
import { parseAccessKey, signServiceToken } from '../src/clients/client-signing.js';
import { isRandomId, randomId } from '../src/encoding.js';
import { failure } from './failure.js';

const BASE_URL = 'https://vault.example.com';
// The first bytes of every Ed25519 PKCS#8 DER private key (RFC 8410), base64-encoded.
const ED25519_PKCS8_PREFIX = 'MC4CAQAwBQYDK2VwBCIEI';

const importPublicKey = (spki: string) =>
  crypto.subtle.importKey('spki', Buffer.from(spki, 'base64'), { name: 'Ed25519' }, false, ['verify']);

describe('newKeyId', () => {
  it('never starts with a dash, which the CLI would read as an option (regression: 1 id in 64 did)', () => {
    // 5,000 draws: without the rule, the chance that none starts with '-' is (63/64)^5000, about 1e-34.
    const ids = Array.from({ length: 5000 }, newKeyId);
    expect(ids.filter((id) => id.startsWith('-'))).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// Token checks refuse ids of another shape before asking the store, so the shape must be exactly what is made.
describe('isKeyId and isRandomId', () => {
  it('accept every id the generators make', () => {
    for (let i = 0; i < 1000; i++) {
      expect(isKeyId(newKeyId())).toBe(true);
      expect(isRandomId('sc', randomId('sc'))).toBe(true);
    }
  });

  it.each([
    ['', 'sc_'],
    ['nope', `sc_${'A'.repeat(21)}`],
    [`${'A'.repeat(11)}.`, `sc_${'A'.repeat(23)}`],
    ['A'.repeat(13), `ca_${'A'.repeat(22)}`],
    ['A'.repeat(11_000), `sc_${'A'.repeat(21)}.`],
  ])('refuse %j as a key id and %j as a client id', (keyId, clientId) => {
    expect(isKeyId(keyId)).toBe(false);
    expect(isRandomId('sc', clientId)).toBe(false);
  });
});

describe('generateAccessKey', () => {
  it('makes a four-part Authress key holding an Ed25519 PKCS#8 private key', async () => {
    // The key string is clientId.keyId.env.<base64 PKCS#8>, the format @authress/sdk parses.
    const key = await generateAccessKey('sc_client1', 'production');
    const parts = key.accessKey.split('.');
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe('sc_client1');
    expect(parts[1]).toBe(key.keyId);
    expect(parts[2]).toBe('production');
    expect(parts[3]?.startsWith(ED25519_PKCS8_PREFIX)).toBe(true);
    expect(key.keyId).not.toContain('.');
    expect(key.keyId.length).toBeGreaterThan(0);
  });

  it('gives each key its own id and key pair', async () => {
    // Two keys of one client must differ in id, private key and public key.
    const a = await generateAccessKey('sc_client1', 'production');
    const b = await generateAccessKey('sc_client1', 'production');
    expect(a.keyId).not.toBe(b.keyId);
    expect(a.accessKey).not.toBe(b.accessKey);
    expect(a.publicKey).not.toBe(b.publicKey);
  });
});

describe('signServiceToken', () => {
  it("signs a token the key's public half verifies, with Authress's header and claims", async () => {
    // What the vault stores (publicKey) verifies what the key string signs, with the claims the server checks.
    const key = await generateAccessKey('sc_client1', 'production');
    const token = await signServiceToken(await parseAccessKey(key.accessKey), { baseUrl: BASE_URL });
    const { payload, protectedHeader } = await jwtVerify(token, await importPublicKey(key.publicKey), {
      audience: 'production.accounts.authress.io',
      issuer: `${BASE_URL}/v1/clients/sc_client1`,
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: key.keyId, typ: 'at+jwt' });
    expect(payload.sub).toBe('sc_client1');
    expect(payload.client_id).toBe('sc_client1');
    expect((payload.exp as number) - (payload.iat as number)).toBe(3600);
    expect(Math.abs((payload.iat as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('honours the requested lifetime and strips trailing slashes from the base URL', async () => {
    // exp - iat is exactly the lifetime asked for; the issuer has no double slash.
    const key = await generateAccessKey('sc_client1', 'staging');
    const token = await signServiceToken(await parseAccessKey(key.accessKey), {
      baseUrl: `${BASE_URL}//`,
      lifetimeSeconds: 600,
    });
    const { payload } = await jwtVerify(token, await importPublicKey(key.publicKey), {
      audience: 'staging.accounts.authress.io',
    });
    expect(payload.iss).toBe(`${BASE_URL}/v1/clients/sc_client1`);
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
  });

  it("is not verified by another key's public half", async () => {
    // A token proves possession of one specific key.
    const key = await generateAccessKey('sc_client1', 'production');
    const other = await generateAccessKey('sc_client1', 'production');
    const token = await signServiceToken(await parseAccessKey(key.accessKey), { baseUrl: BASE_URL });
    await expect(jwtVerify(token, await importPublicKey(other.publicKey))).rejects.toThrow();
  });
});

describe('parseAccessKey', () => {
  it('reads the parts back and tolerates surrounding whitespace', async () => {
    // A key read from a file (trailing newline) parses to its client, key id and environment.
    const key = await generateAccessKey('sc_client1', 'production');
    const parsed = await parseAccessKey(`${key.accessKey}\n`);
    expect(parsed).toMatchObject({ clientId: 'sc_client1', keyId: key.keyId, env: 'production' });
    expect(parsed.privateKey.algorithm.name).toBe('Ed25519');
  });

  it.each([
    ['three parts', (k: string) => k.split('.').slice(1).join('.')],
    ['five parts', (k: string) => `${k}.extra`],
    ['an empty part', (k: string) => k.split('.').with(1, '').join('.')],
    ['key material that is not a key', (k: string) => k.split('.').with(3, 'bm90IGEga2V5').join('.')],
    ['key material that is not base64', (k: string) => k.split('.').with(3, '!!!!').join('.')],
    ['a truncated private key', (k: string) => k.slice(0, -8)],
    ['garbage', () => 'garbage'],
  ])('rejects %s with invalid_request', async (_, mangle) => {
    // A malformed key is the caller's mistake: invalid_request, never a TypeError or DOMException.
    const key = await generateAccessKey('sc_client1', 'production');
    expect((await failure(parseAccessKey(mangle(key.accessKey)))).code).toBe('invalid_request');
  });

  it('rejects a private key of another algorithm', async () => {
    // Only Ed25519 keys are access keys; a P-256 PKCS#8 key in the right place is refused.
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.privateKey)).toString('base64');
    expect((await failure(parseAccessKey(`sc_client1.k1.production.${pkcs8}`))).code).toBe('invalid_request');
  });
});
