import { createPrivateKey, type KeyObject } from 'node:crypto';
import { VaultClientError } from './errors.js';

/** A parsed service-client access key (the Authress format, docs/api.md "Access keys and JWTs"). */
export interface AccessKey {
  clientId: string;
  keyId: string;
  environmentId: string;
  privateKey: KeyObject;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Throws `invalid_access_key` for anything but `clientId.keyId.environmentId.<base64 PKCS#8 DER Ed25519 key>`. */
export function parseAccessKey(accessKey: unknown): AccessKey {
  if (typeof accessKey !== 'string') {
    throw new VaultClientError(
      'invalid_access_key',
      'accessKey is missing: pass the key `tokenvault clients create` showed',
    );
  }
  const [clientId, keyId, environmentId, secret, ...rest] = accessKey.trim().split('.');
  if (!clientId || !keyId || !environmentId || !secret || rest.length > 0) {
    throw new VaultClientError(
      'invalid_access_key',
      'an access key has four parts: clientId.keyId.environmentId.privateKey',
    );
  }
  if (!BASE64.test(secret))
    throw new VaultClientError('invalid_access_key', 'the access key’s private key is not base64');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: Buffer.from(secret, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new VaultClientError('invalid_access_key', 'the access key’s private key is not PKCS#8 DER', { cause });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new VaultClientError('invalid_access_key', 'the access key’s private key is not an Ed25519 key');
  }
  return { clientId, keyId, environmentId, privateKey };
}
