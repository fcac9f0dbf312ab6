import { describe, expect, it } from 'vitest';
import { own, valueAt } from '../src/own.js';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

// A name a caller, a configuration or a provider's answer chooses finds only what the object owns: never a member
// every plain object inherits.
describe('own-property lookups', () => {
  it('finds own keys, including prototype names an object does own', () => {
    expect(own({ shop: 'acme' }, 'shop')).toBe('acme');
    expect(own(JSON.parse('{"__proto__":"x","constructor":"y"}'), '__proto__')).toBe('x');
    expect(valueAt({ data: { user: { id: 7 } } }, 'data.user.id')).toBe(7);
    expect(valueAt(JSON.parse('{"constructor":{"id":"c"}}'), 'constructor.id')).toBe('c');
  });

  it.each(PROTOTYPE_NAMES)('does not find %s on an object that does not own it', (name) => {
    expect(own({}, name)).toBeUndefined();
    expect(valueAt({}, name)).toBeUndefined();
    expect(valueAt({ data: {} }, `data.${name}`)).toBeUndefined();
    expect(valueAt({ data: 'text' }, 'data.length')).toBeUndefined(); // strings have no fields
  });
});
