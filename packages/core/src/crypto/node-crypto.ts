/**
 * Node's own crypto module and its `Buffer`, where the runtime has them (`process.getBuiltinModule`, Node 20.16 and
 * later), and undefined elsewhere. The core is written against WebCrypto, which runs every digest, encryption and
 * decryption as a thread-pool job on Node: a token read decrypts a token and a browser read hashes its session
 * handle, and each job cost more than its work (docs/architecture.md, "Crypto on Node"). Only the calls below are
 * used, each giving the same bytes as its WebCrypto counterpart.
 */
export interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(text: string): { digest(encoding: 'base64url'): string } };
  createCipheriv(algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array, options: TagLength): GcmCipher;
  createDecipheriv(algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array, options: TagLength): GcmDecipher;
}

interface TagLength {
  authTagLength: number;
}

interface GcmCipher {
  setAAD(additionalData: Uint8Array): unknown;
  update(data: Uint8Array): NodeBytes;
  final(): NodeBytes;
  getAuthTag(): NodeBytes;
}

interface GcmDecipher {
  setAAD(additionalData: Uint8Array): unknown;
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): NodeBytes;
  /** Throws when the ciphertext does not authenticate. */
  final(): NodeBytes;
}

/** A Node `Buffer`: bytes that convert to and from text natively. */
export interface NodeBytes extends Uint8Array {
  subarray(start?: number, end?: number): NodeBytes;
  toString(encoding?: 'utf8' | 'base64url'): string;
}

export interface NodeBuffer {
  /** `base64url` decoding also reads base64 and skips what is not a digit (an AEAD authenticates what it decodes). */
  from(text: string, encoding: 'utf8' | 'base64url'): NodeBytes;
  concat(parts: Uint8Array[]): NodeBytes;
}

type Runtime = { process?: { getBuiltinModule?: (id: string) => unknown } };
const builtin = (globalThis as Runtime).process?.getBuiltinModule;

export const nodeCrypto = builtin?.('node:crypto') as NodeCrypto | undefined;
export const nodeBuffer = (builtin?.('node:buffer') as { Buffer: NodeBuffer } | undefined)?.Buffer;
