import { SignJWT } from 'jose';
import { base64url, fromBase64, randomBytes, toBase64 } from '../encoding.js';
import { VaultError } from '../errors.js';

/**
 * Service-client access keys in the Authress format (SPEC §5.3.3):
 * `clientId.keyId.environmentId.<base64 PKCS#8 DER Ed25519 private key>`. None of the parts contains a `.`.
 */
export interface AccessKey {
  clientId: string;
  keyId: string;
  env: string;
  privateKey: CryptoKey;
}

export interface NewAccessKey {
  keyId: string;
  /** The key string, shown once; the vault never stores it. */
  accessKey: string;
  /** Base64 SPKI DER: all the vault keeps. */
  publicKey: string;
}

export async function generateAccessKey(clientId: string, env: string): Promise<NewAccessKey> {
  const keyId = newKeyId();
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { keyId, accessKey: `${clientId}.${keyId}.${env}.${toBase64(pkcs8)}`, publicKey: toBase64(spki) };
}

/** Throws `invalid_request` for anything that is not a well-formed access key. */
export async function parseAccessKey(accessKey: string): Promise<AccessKey> {
  const [clientId, keyId, env, secret, ...rest] = accessKey.trim().split('.');
  if (!clientId || !keyId || !env || !secret || rest.length > 0) {
    throw new VaultError('invalid_request', 'an access key has four parts: clientId.keyId.environment.privateKey');
  }
  try {
    const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64(secret), { name: 'Ed25519' }, false, ['sign']);
    return { clientId, keyId, env, privateKey };
  } catch (cause) {
    throw new VaultError('invalid_request', 'the access key does not hold an Ed25519 private key', { cause });
  }
}

/** The audience the Authress SDK puts in every service-client token, whatever the base URL. */
export function authressAudience(env: string): string {
  return `${env}.accounts.authress.io`;
}

/** Signs a token the way `@authress/sdk` does, for the CLI and for tests. */
export async function signServiceToken(
  key: AccessKey,
  options: {
    baseUrl: string;
    lifetimeSeconds?: number;
    /** The signer's clock (ms since epoch); the system's by default. */
    now?: number;
  },
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({ client_id: key.clientId, scope: 'openid' })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: 'at+jwt' })
    .setIssuer(`${options.baseUrl.replace(/\/+$/, '')}/v1/clients/${encodeURIComponent(key.clientId)}`)
    .setSubject(key.clientId)
    .setAudience(authressAudience(key.env))
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 3600))
    .sign(key.privateKey);
}

/**
 * 72 random bits, base64url, never starting with `-`: a key id is passed to `tokenvault clients keys revoke --key`,
 * and a leading dash reads as an option there (1 key in 64 could not be revoked by its id as printed).
 */
export function newKeyId(): string {
  for (;;) {
    const id = base64url(randomBytes(9));
    if (!id.startsWith('-')) return id;
  }
}

/** Whether `id` has the shape `newKeyId` gives (12 base64url characters). */
export function isKeyId(id: string): boolean {
  return /^[A-Za-z0-9_-]{12}$/.test(id);
}
