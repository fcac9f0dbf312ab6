import { base64url, fromBase64, fromUtf8, randomBytes, utf8 } from '../encoding.js';
import { VaultError } from '../errors.js';
import { type NodeBuffer, type NodeCrypto, nodeBuffer, nodeCrypto } from './node-crypto.js';

/**
 * AES-256-GCM with a key ring. Each ciphertext names the key that made it, so keys rotate online, and is
 * bound to its row and column through the additional data, so a ciphertext copied elsewhere fails to decrypt.
 */
export interface Cipher {
  /** The id of the key new ciphertexts are made with. */
  readonly primaryKeyId: string;
  encrypt(plaintext: string, aad: string): Promise<string>;
  /** Fails closed with `decryption_failed`: there is no plaintext passthrough. */
  decrypt(ciphertext: string, aad: string): Promise<string>;
  /** Whether a ciphertext was made with an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean;
  /** The id of the key a ciphertext names (whether or not it is configured). */
  keyIdOf(ciphertext: string): string | undefined;
  /** Whether a key with this id is configured. */
  hasKey(keyId: string): boolean;
}

/**
 * AES-256-GCM on raw key bytes, with the 16-byte tag appended to the ciphertext and the ciphertext in base64url, as
 * stored: Node's own where the runtime has it (done at once, with Node's native text conversions, `nodeAead`),
 * WebCrypto's elsewhere. Both make and read the same bytes.
 */
export interface Aead {
  /** `plaintext` (UTF-8) bound to `aad` (UTF-8): the ciphertext and its tag, base64url. */
  seal(key: Uint8Array, iv: Uint8Array, plaintext: string, aad: string): Promise<string>;
  /** What `seal` sealed, given its `iv` in base64url; rejects when the ciphertext does not authenticate. */
  open(key: Uint8Array, iv: string, sealed: string, aad: string): Promise<string>;
}

const webCryptoKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
const webCryptoKey = (key: Uint8Array) => {
  let imported = webCryptoKeys.get(key);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', copy(key), 'AES-GCM', false, ['encrypt', 'decrypt']);
    webCryptoKeys.set(key, imported);
  }
  return imported;
};

export const webCryptoAead: Aead = {
  async seal(key, iv, plaintext, additionalData) {
    const params = { name: 'AES-GCM', iv: copy(iv), additionalData: utf8(additionalData) };
    return base64url(new Uint8Array(await crypto.subtle.encrypt(params, await webCryptoKey(key), utf8(plaintext))));
  },
  async open(key, iv, sealed, additionalData) {
    const params = { name: 'AES-GCM', iv: fromBase64(iv), additionalData: utf8(additionalData) };
    return fromUtf8(new Uint8Array(await crypto.subtle.decrypt(params, await webCryptoKey(key), fromBase64(sealed))));
  },
};

const TAG = { authTagLength: 16 };

/**
 * `node`'s AES-256-GCM: the work is done at once instead of as a thread-pool job per call, and the base64 and UTF-8
 * conversions are Buffer's, which cost a token read 5 µs less than atob, TextEncoder and TextDecoder (docs/benchmarks.md).
 */
function nodeAead(node: NodeCrypto, Buffer: NodeBuffer): Aead {
  return {
    async seal(key, iv, plaintext, additionalData) {
      const cipher = node.createCipheriv('aes-256-gcm', key, iv, TAG);
      cipher.setAAD(Buffer.from(additionalData, 'utf8'));
      const body = cipher.update(Buffer.from(plaintext, 'utf8'));
      return Buffer.concat([body, cipher.final(), cipher.getAuthTag()]).toString('base64url');
    },
    async open(key, iv, sealed, additionalData) {
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length < TAG.authTagLength) throw new Error('ciphertext shorter than its tag');
      const decipher = node.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), TAG);
      decipher.setAAD(Buffer.from(additionalData, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG.authTagLength));
      const plaintext = decipher.update(bytes.subarray(0, bytes.length - TAG.authTagLength));
      const rest = decipher.final(); // throws unless the tag authenticates; empty for GCM
      return (rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest])).toString('utf8');
    },
  };
}

/** The AEAD a cipher uses unless given another. */
export const defaultAead: Aead = nodeCrypto && nodeBuffer ? nodeAead(nodeCrypto, nodeBuffer) : webCryptoAead;

const FORMAT = 'v1';
const KEY_ID_LENGTH = 8;
/** Every ciphertext starts `v1.<key id>`: this many characters name the key that made it. */
export const KEY_PREFIX_LENGTH = FORMAT.length + 1 + KEY_ID_LENGTH;
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends for random nonces

/** The additional authenticated data binding a ciphertext to where it is stored. */
export function aad(table: string, rowId: string, column: string): string {
  return JSON.stringify([table, rowId, column]); // unambiguous whatever the parts contain
}

/** Master keys are 32 random bytes; the first of `masterKeys` encrypts, all of them decrypt. */
export async function createCipher(masterKeys: readonly Uint8Array[], aead: Aead = defaultAead): Promise<Cipher> {
  if (masterKeys.length === 0) throw new VaultError('invalid_request', 'at least one master key is needed');
  const ring = new Map<string, Uint8Array>();
  for (const master of masterKeys) {
    if (master.length !== 32) throw new VaultError('invalid_request', 'a master key must be 32 bytes');
    ring.set(await keyId(master), await deriveDataKey(master));
  }
  const primaryKeyId = [...ring.keys()][0] as string;

  return {
    primaryKeyId,
    async encrypt(plaintext, additionalData) {
      const iv = randomBytes(IV_BYTES);
      const sealed = await aead.seal(ring.get(primaryKeyId) as Uint8Array, iv, plaintext, additionalData);
      return `${FORMAT}.${primaryKeyId}.${base64url(iv)}.${sealed}`;
    },
    async decrypt(ciphertext, additionalData) {
      const [format, kid, iv, sealed, extra] = ciphertext.split('.');
      const key = kid === undefined ? undefined : ring.get(kid);
      if (format !== FORMAT || !iv || !sealed || extra !== undefined) {
        throw new VaultError('decryption_failed', 'stored ciphertext is malformed');
      }
      if (!key) throw new VaultError('decryption_failed', `no master key with id ${kid} is configured`);
      try {
        return await aead.open(key, iv, sealed, additionalData);
      } catch (cause) {
        throw new VaultError('decryption_failed', 'stored ciphertext did not authenticate', { cause });
      }
    },
    isStale(ciphertext) {
      return ciphertext.split('.', 2)[1] !== primaryKeyId;
    },
    keyIdOf(ciphertext) {
      return ciphertext.split('.', 2)[1];
    },
    hasKey(keyId) {
      return ring.has(keyId);
    },
  };
}

/** A short public fingerprint of a master key; it reveals nothing usable about the key. */
async function keyId(master: Uint8Array<ArrayBuffer> | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', concat(utf8('tokenvault key id\0'), master));
  return base64url(new Uint8Array(digest)).slice(0, KEY_ID_LENGTH);
}

/** The master key never encrypts directly, so it can serve other purposes later without key reuse. */
async function deriveDataKey(master: Uint8Array): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', copy(master), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('tokenvault credentials aes-256-gcm v1') },
    base,
    256,
  );
  return new Uint8Array(bits);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
