import { SignJWT } from 'jose';
import { fromBase64 } from '../encoding.js';
import { VaultError } from '../errors.js';
import { authressAudience } from './access-keys.js';

// Client-side signing, kept in core's public entry only for embedders who imported it from here; nothing in this
// repository uses it. The vault's clients sign with `@tokenvault/sdk-node` (`parseAccessKey`, `signServiceToken`).

/** @deprecated Use `AccessKey` from `@tokenvault/sdk-node`. */
export interface AccessKey {
  clientId: string;
  keyId: string;
  env: string;
  privateKey: CryptoKey;
}

/** @deprecated Use `parseAccessKey` from `@tokenvault/sdk-node`. Throws `invalid_request` for a malformed key. */
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

/** @deprecated Use `signServiceToken` from `@tokenvault/sdk-node`. Signs a token the way `@authress/sdk` does. */
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
