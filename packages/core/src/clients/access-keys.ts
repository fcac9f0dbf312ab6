import { base64url, randomBytes, toBase64 } from '../encoding.js';

/**
 * Service-client access keys in the Authress format (docs/security.md, "Authorization model"):
 * `clientId.keyId.environmentId.<base64 PKCS#8 DER Ed25519 private key>`. None of the parts contains a `.`. The vault
 * makes them and keeps only the public half; signing with one is the client's side (`@tokenvault/sdk-node`).
 */
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

/** The audience the Authress SDK puts in every service-client token, whatever the base URL. */
export function authressAudience(env: string): string {
  return `${env}.accounts.authress.io`;
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
