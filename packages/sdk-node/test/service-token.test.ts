import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseAccessKey } from '../src/access-key.js';
import * as sdk from '../src/index.js';
import { createVaultClient, VaultClientError } from '../src/index.js';
import { createServiceTokenSource } from '../src/service-token.js';
import { newAccessKey } from './keys.js';

describe('service-client JWT', () => {
  it('carries the header and claims the vault (and Authress) verify', async () => {
    // EdDSA, kid = key id, typ at+jwt; sub = client_id = client id; iss = <baseUrl>/v1/clients/<encoded id>;
    // aud = <environment>.accounts.authress.io; a 1 h lifetime; scope openid.
    const { accessKey, publicKey } = newAccessKey('sc_a|b', 'kid1', 'production');
    const source = createServiceTokenSource(parseAccessKey(accessKey), 'https://vault.example.com/prefix/');
    const jwt = await source.get();
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: 'kid1', typ: 'at+jwt' });
    const { payload } = await jwtVerify(jwt, publicKey, {
      issuer: 'https://vault.example.com/prefix/v1/clients/sc_a%7Cb',
      audience: 'production.accounts.authress.io',
      subject: 'sc_a|b',
    });
    expect(payload).toMatchObject({ client_id: 'sc_a|b', scope: 'openid' });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('is signed once, shared by concurrent callers, and reused until less than 5 minutes of it remain', async () => {
    // The vault caches verified JWTs: the same string for every call, a new one only near expiry. Ed25519 is
    // deterministic, so every reading of this clock is a second later: a re-signed JWT always has another iat.
    const start = Date.UTC(2030, 0, 1);
    const clock = { now: start };
    const source = createServiceTokenSource(parseAccessKey(newAccessKey().accessKey), 'https://v.test', {
      now: () => (clock.now += 1000),
    });
    const concurrent = await Promise.all([source.get(), source.get(), source.get()]);
    const first = concurrent[0];
    expect(concurrent).toEqual([first, first, first]);
    expect(await source.get()).toBe(first);
    clock.now = start + 53 * 60_000; // about 7 minutes left
    expect(await source.get()).toBe(first);
    clock.now = start + 57 * 60_000; // about 3 minutes left
    const second = await source.get();
    expect(second).not.toBe(first);
    expect(await source.get()).toBe(second);
  });
});

describe('signServiceToken', () => {
  it('signs one JWT with the claims the vault verifies, the lifetime and clock asked for, from the public entry', async () => {
    // For requests the client does not make (the CLI's `tokenvault token`, curl): same claims as the client's own.
    const { accessKey, publicKey } = newAccessKey('sc_one', 'kid2', 'staging');
    const now = Date.UTC(2030, 0, 1, 12);
    const jwt = await sdk.signServiceToken(sdk.parseAccessKey(`${accessKey}\n`), {
      baseUrl: 'https://vault.example.com//',
      lifetimeSeconds: 600,
      now,
    });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', kid: 'kid2', typ: 'at+jwt' });
    const { payload } = await jwtVerify(jwt, publicKey, {
      issuer: 'https://vault.example.com/v1/clients/sc_one',
      audience: 'staging.accounts.authress.io',
      subject: 'sc_one',
      currentDate: new Date(now),
    });
    expect(payload).toMatchObject({ client_id: 'sc_one', scope: 'openid', iat: now / 1000, exp: now / 1000 + 600 });
  });
});

describe('createVaultClient', () => {
  it('throws invalid_access_key at once for a malformed or missing key', () => {
    // A configuration error surfaces at start-up, not at the first request.
    const good = newAccessKey().accessKey;
    const [clientId, keyId, env, secret] = good.split('.');
    // A well-formed PKCS#8 key of the wrong kind: X25519 is not a signing key.
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    for (const accessKey of [
      undefined,
      '',
      `${clientId}.${keyId}.${secret}`,
      `${good}.extra`,
      `${clientId}.${keyId}.${env}.not base64!`,
      `${clientId}.${keyId}.${env}.${x25519}`,
      `${clientId}.${keyId}.${env}.${Buffer.from('not a key').toString('base64')}`,
    ]) {
      expect(() => createVaultClient({ baseUrl: 'https://v.test', accessKey })).toThrow(
        expect.objectContaining({ name: 'VaultClientError', code: 'invalid_access_key' }),
      );
    }
  });

  it('throws invalid_argument for a base URL it cannot use, and never for a well-formed one', () => {
    const { accessKey } = newAccessKey();
    for (const baseUrl of ['vault.example.com', 'ftp://vault.example.com', 'https://v.test/?x=1']) {
      expect(() => createVaultClient({ baseUrl, accessKey })).toThrow(VaultClientError);
    }
    expect(() => createVaultClient({ baseUrl: 'https://v.test/vault/', accessKey })).not.toThrow();
  });
});
