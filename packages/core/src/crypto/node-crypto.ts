/**
 * Node's own crypto module, where the runtime has one (`process.getBuiltinModule`, Node 20.16 and later), and
 * undefined elsewhere. The core is written against WebCrypto, which runs every digest, encryption and decryption as
 * a thread-pool job on Node: a token read decrypts a token and a browser read hashes its session handle, and each job
 * cost more than its work (docs/architecture.md, "Crypto on Node"). Only the calls below are used, each giving the
 * same bytes as its WebCrypto counterpart.
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
  update(data: Uint8Array): Uint8Array;
  final(): Uint8Array;
  getAuthTag(): Uint8Array;
}

interface GcmDecipher {
  setAAD(additionalData: Uint8Array): unknown;
  setAuthTag(tag: Uint8Array): unknown;
  update(data: Uint8Array): Uint8Array;
  /** Throws when the ciphertext does not authenticate. */
  final(): Uint8Array;
}

type Runtime = { process?: { getBuiltinModule?: (id: string) => unknown } };

export const nodeCrypto = (globalThis as Runtime).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
