import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../src/accounts/connect-state.js';
import { VaultError } from '../src/errors.js';

/** How Backstage writes a state: hex of the UTF-8 query string. */
const backstageHex = (query: string) => Buffer.from(query, 'utf8').toString('hex');

function failure(run: () => unknown): VaultError {
  try {
    run();
  } catch (err) {
    if (err instanceof VaultError) return err;
    throw err;
  }
  throw new Error('expected a VaultError, but nothing was thrown');
}

describe('encodeState', () => {
  it('is the hex of the URL query string, as Backstage writes it', () => {
    // Backstage reads a state with Buffer.from(hex, 'hex') then URLSearchParams; our encoding must be byte-identical.
    const hex = encodeState({ nonce: 'n1', env: 'production', origin: 'http://localhost:3000' });
    expect(hex).toBe(backstageHex('nonce=n1&env=production&origin=http%3A%2F%2Flocalhost%3A3000'));
    expect(hex).toMatch(/^[0-9a-f]+$/);
    expect(Buffer.from(hex, 'hex').toString()).toBe('nonce=n1&env=production&origin=http%3A%2F%2Flocalhost%3A3000');
  });

  it('drops undefined fields', () => {
    // An absent optional field must not appear as "origin=undefined" or "origin=".
    const hex = encodeState({ nonce: 'n1', env: 'dev', origin: undefined, flow: 'popup' });
    expect(Buffer.from(hex, 'hex').toString()).toBe('nonce=n1&env=dev&flow=popup');
  });
});

describe('decodeState', () => {
  it('round-trips unicode and the base64 characters + / =', () => {
    // Every field survives encode → decode, including characters that URL encoding treats specially.
    const state = {
      nonce: 'a+b/c==',
      env: 'prød',
      origin: 'https://app.example.com',
      redirectUrl: 'https://app.example.com/done?x=1&y=ü',
      flow: 'popup',
      scope: 'repo gist',
    };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it('reads a state Backstage wrote', () => {
    // A state produced by Backstage's encoder decodes to the same fields.
    const hex = backstageHex(new URLSearchParams({ nonce: 'x+y', env: 'development', flow: 'redirect' }).toString());
    const decoded = decodeState(hex);
    expect(decoded).toMatchObject({ nonce: 'x+y', env: 'development', flow: 'redirect' });
    expect(decoded.origin).toBeUndefined();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['odd-length hex', 'abc'],
    ['non-hex characters', 'zz'],
    ['hex that is not UTF-8', 'ff'],
    ['a state without nonce', backstageHex('env=production')],
    ['a state with an empty nonce', backstageHex('nonce=&env=production')],
    ['a state without env', backstageHex('nonce=n1')],
    ['a plain query string (not hex)', 'nonce=n1&env=production'],
  ])('rejects %s with invalid_state', (_, value) => {
    // Anything the vault could not have made is invalid_state, never a TypeError or a partial state.
    expect(failure(() => decodeState(value)).code).toBe('invalid_state');
  });
});
