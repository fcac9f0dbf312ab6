import { describe, expect, it } from 'vitest';
import { base64url, fromBase64 } from '../src/encoding.js';

describe('base64url', () => {
  it('writes RFC 4648 base64url without padding, as Node does, for every length and byte value', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let length = 0; length <= 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64(base64url(bytes))).toEqual(bytes);
    }
    expect(base64url(every)).toBe(Buffer.from(every).toString('base64url'));
  });
});
