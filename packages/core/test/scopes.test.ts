import { describe, expect, it } from 'vitest';
import { mergeScopes, missingScopes, parseScopes } from '../src/scopes.js';

describe('parseScopes', () => {
  it.each([
    ['spaces', 'openid profile email', ['openid', 'profile', 'email']],
    ['commas, as GitHub answers', 'repo,gist', ['repo', 'gist']],
    ['commas and spaces mixed', 'repo, gist user', ['repo', 'gist', 'user']],
    ['tabs and newlines', 'a\tb\nc', ['a', 'b', 'c']],
    ['leading, trailing and repeated separators', '  ,a,, b  ,', ['a', 'b']],
    ['duplicates, keeping first-seen order', 'b a b a', ['b', 'a']],
  ])('splits a string with %s', (_, value, expected) => {
    // A granted-scope string parses to a list of distinct, non-empty scope names.
    expect(parseScopes(value)).toEqual(expected);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['separators only', ' , '],
    ['an empty list', []],
  ])('gives [] for %s', (_, value) => {
    // "No scopes" in any spelling is an empty list, never [''].
    expect(parseScopes(value)).toEqual([]);
  });

  it('trims, dedupes and drops empties in a list', () => {
    // A list (from configuration) is cleaned like a string, item by item.
    expect(parseScopes([' a ', 'b', '', 'a'])).toEqual(['a', 'b']);
  });
});

describe('mergeScopes', () => {
  it('concatenates lists without duplicates, skipping undefined', () => {
    // Required and requested scopes combine into one list in first-seen order.
    expect(mergeScopes(['openid', 'email'], undefined, ['email', 'repo'], [])).toEqual(['openid', 'email', 'repo']);
  });

  it('gives [] for nothing', () => {
    // Merging no lists yields an empty list.
    expect(mergeScopes()).toEqual([]);
  });
});

describe('missingScopes', () => {
  it('lists the wanted scopes not held, in wanted order', () => {
    // A caller asking for scopes the account lacks learns exactly which ones.
    expect(missingScopes(['openid', 'repo'], ['gist', 'repo', 'admin'])).toEqual(['gist', 'admin']);
  });

  it('is empty when everything wanted is held', () => {
    // Holding more than asked for is fine.
    expect(missingScopes(['a', 'b', 'c'], ['c', 'a'])).toEqual([]);
    expect(missingScopes([], [])).toEqual([]);
  });

  it('is case-sensitive', () => {
    // Scope names are opaque strings (RFC 6749 §3.3): "Repo" is not "repo".
    expect(missingScopes(['Repo'], ['repo'])).toEqual(['repo']);
  });
});
