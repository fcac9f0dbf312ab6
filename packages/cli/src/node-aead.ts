import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Aead } from '@tokenvault/core';

const TAG_BYTES = 16;

/** AES-256-GCM with Node's crypto: the same format as WebCrypto's, done at once rather than as a thread-pool job. */
export const nodeAead: Aead = {
  async seal(key, iv, plaintext, aad) {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  },
  async open(key, iv, sealed, aad) {
    if (sealed.length < TAG_BYTES) throw new Error('ciphertext shorter than its tag');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  },
};
