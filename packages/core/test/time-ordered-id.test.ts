import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/encoding.js';

// Audit ids sort by time and never repeat: their random part comes from a pool refilled every 256 ids, so ids made
// across many refills within one millisecond must all differ.
describe('timeOrderedId', () => {
  it('makes distinct ids within one millisecond, across pool refills, that sort by time', () => {
    const now = 1_764_000_000_123;
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId('aud', now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^aud_019ab[0-9a-f]{7}[A-Za-z0-9_-]{16}$/);
    const later = [now + 1, now + 1_000, now + 86_400_000].map((at) => timeOrderedId('aud', at));
    expect([...later].sort()).toEqual(later);
    for (const id of ids) expect(id < (later[0] as string)).toBe(true);
  });
});
