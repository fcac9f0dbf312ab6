import { describe, expect, it } from 'vitest';
import { isoTime } from '../packages/server/src/wire.js';

// Every answer with a time writes it through isoTime, which computes what Date's toISOString writes (faster, and
// a token read answers one): the two must agree on every instant the API can show.
describe('isoTime', () => {
  it("writes what Date's toISOString writes", () => {
    const instants = [
      0,
      1,
      999,
      86_399_999,
      86_400_000,
      951_782_400_000, // 2000-02-29
      951_868_799_999, // 2000-02-29T23:59:59.999Z
      4_107_542_400_000, // 2100-03-01, after a February without 29
      1_796_304_148_981,
      253_402_300_799_999, // the last four-digit year's last millisecond
      253_402_300_800_000, // year 10000: a six-digit year, as Date writes it
      -1, // before 1970
      1.5, // not a whole millisecond
    ];
    let seed = 42;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      instants.push(Math.floor((seed / 2_147_483_648) * 253_402_300_800_000));
    }
    for (const ms of instants) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    expect(isoTime(null)).toBeNull();
  });
});
