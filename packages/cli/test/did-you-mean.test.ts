import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../src/did-you-mean.js';

describe('did you mean', () => {
  it.each([
    ['', '', 0],
    ['kitten', 'sitting', 3],
    ['odic', 'oidc', 1], // a swap of neighbours is one step
    ['clientSecert', 'clientSecret', 1],
    ['abc', '', 3],
  ])('counts %s → %s as %i edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it.each([
    ['clientSecert', ['clientId', 'clientSecret', 'preset'], 'clientSecret'],
    ['RefreshAhed', ['refreshAhead', 'rateLimit'], 'refreshAhead'],
    ['prod', ['production', 'staging'], 'production'],
    ['github', ['gitlab', 'github-app'], 'github-app'],
  ])('suggests for %s', (word, known, expected) => {
    expect(closest(word, known)).toBe(expected);
  });

  it('suggests nothing that is not close', () => {
    // A suggestion far from what was typed misleads more than none.
    expect(closest('database', ['masterKey', 'publicUrl'])).toBeUndefined();
    expect(closest('pro', ['production', 'provider'])).toBeUndefined();
  });
});
