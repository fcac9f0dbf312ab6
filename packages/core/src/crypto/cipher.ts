import { base64url, fromBase64, fromUtf8, randomBytes, utf8 } from '../encoding.js';
import { VaultError } from '../errors.js';
import { type NodeCrypto, nodeCrypto } from './node-crypto.js';

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
 * AES-256-GCM on raw key bytes, with the 16-byte tag appended to the ciphertext: Node's own where the runtime has it
 * (done at once, `nodeAead`), WebCrypto's elsewhere. Both make and read the same bytes.
 */
export interface Aead {
  seal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
  /** Rejects when the ciphertext does not authenticate. */
  open(key: Uint8Array, iv: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Promise<Uint8Array>;
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
    const params = { name: 'AES-GCM', iv: copy(iv), additionalData: copy(additionalData) };
    return new Uint8Array(await crypto.subtle.encrypt(params, await webCryptoKey(key), copy(plaintext)));
  },
  async open(key, iv, sealed, additionalData) {
    const params = { name: 'AES-GCM', iv: copy(iv), additionalData: copy(additionalData) };
    return new Uint8Array(await crypto.subtle.decrypt(params, await webCryptoKey(key), copy(sealed)));
  },
};

const TAG_BYTES = 16;

/** `node`'s AES-256-GCM: the work is done at once instead of as a thread-pool job per call. */
function nodeAead(node: NodeCrypto): Aead {
  return {
    async seal(key, iv, plaintext, additionalData) {
      const cipher = node.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(additionalData);
      return concat(concat(cipher.update(plaintext), cipher.final()), cipher.getAuthTag());
    },
    async open(key, iv, sealed, additionalData) {
      if (sealed.length < TAG_BYTES) throw new Error('ciphertext shorter than its tag');
      const decipher = node.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData);
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      const rest = decipher.final(); // throws unless the tag authenticates; empty for GCM
      return rest.length === 0 ? plaintext : concat(plaintext, rest);
    },
  };
}

/** The AEAD a cipher uses unless given another. */
export const defaultAead: Aead = nodeCrypto ? nodeAead(nodeCrypto) : webCryptoAead;

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
      const sealed = await aead.seal(ring.get(primaryKeyId) as Uint8Array, iv, utf8(plaintext), utf8(additionalData));
      return `${FORMAT}.${primaryKeyId}.${base64url(iv)}.${base64url(sealed)}`;
    },
    async decrypt(ciphertext, additionalData) {
      const [format, kid, iv, sealed, extra] = ciphertext.split('.');
      const key = kid === undefined ? undefined : ring.get(kid);
      if (format !== FORMAT || !iv || !sealed || extra !== undefined) {
        throw new VaultError('decryption_failed', 'stored ciphertext is malformed');
      }
      if (!key) throw new VaultError('decryption_failed', `no master key with id ${kid} is configured`);
      try {
        return fromUtf8(await aead.open(key, fromBase64(iv), fromBase64(sealed), utf8(additionalData)));
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
