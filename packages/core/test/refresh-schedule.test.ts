import { describe, expect, it } from 'vitest';
import { backoffMs, nextRefreshAt } from '../src/refresh/refresh-schedule.js';

const MINUTE = 60_000;
const low = () => 0; // no jitter
const high = () => 0.999_999; // the most jitter

describe('nextRefreshAt', () => {
  const hour = { obtainedAt: 0, expiresAt: 60 * MINUTE, hasRefreshToken: true };

  it('refreshes about 10 % of the lifetime early, at least 5 minutes, with up to 20 % more jitter', () => {
    expect(nextRefreshAt(hour, undefined, low)).toBe(54 * MINUTE); // 10 % of an hour is 6 minutes
    expect(nextRefreshAt(hour, undefined, high)).toBeCloseTo(60 * MINUTE - 7.2 * MINUTE, -1);
    const day = { obtainedAt: 0, expiresAt: 20 * MINUTE, hasRefreshToken: true };
    expect(nextRefreshAt(day, undefined, low)).toBe(15 * MINUTE); // 10 % is 2 minutes: at least 5
  });

  it('never takes more than half the life of a short-lived token (a 2-minute token is not due at once)', () => {
    const short = { obtainedAt: 0, expiresAt: 2 * MINUTE, hasRefreshToken: true };
    expect(nextRefreshAt(short, undefined, low)).toBe(MINUTE);
    expect(nextRefreshAt(short, undefined, high)).toBeGreaterThanOrEqual(0.4 * 2 * MINUTE); // capped at 60 %
  });

  it('never plans a renewal before notBefore (a long-lived token the provider renews only once a day old)', () => {
    const short = { obtainedAt: 0, expiresAt: 2 * MINUTE, hasRefreshToken: true, notBefore: 24 * 60 * MINUTE };
    expect(nextRefreshAt(short, undefined, low)).toBe(24 * 60 * MINUTE);
    expect(nextRefreshAt({ ...hour, notBefore: 1 }, undefined, low)).toBe(54 * MINUTE);
  });

  it('keeps idle refresh tokens alive, also for tokens that never expire', () => {
    expect(nextRefreshAt({ obtainedAt: 0, expiresAt: null, hasRefreshToken: true }, 600, low)).toBe(10 * MINUTE);
    expect(nextRefreshAt(hour, 600, low)).toBe(10 * MINUTE); // the earlier of the two
    expect(nextRefreshAt(hour, 600, high)).toBeGreaterThan(8.9 * MINUTE);
  });

  it('plans a refresh before the refresh token dies, when the provider said when', () => {
    const dies = { obtainedAt: 0, expiresAt: null, hasRefreshToken: true, refreshTokenExpiresAt: 100 * MINUTE };
    expect(nextRefreshAt(dies, undefined, low)).toBe(90 * MINUTE);
    expect(nextRefreshAt(dies, undefined, high)).toBeGreaterThan(80.9 * MINUTE);
    expect(nextRefreshAt({ ...hour, refreshTokenExpiresAt: 20 * MINUTE }, undefined, low)).toBe(18 * MINUTE);
  });

  it('plans the refresh at the expiry itself when the provider hands back the same token until then', () => {
    expect(nextRefreshAt({ ...hour, atExpiry: true }, undefined, high)).toBe(60 * MINUTE);
    expect(nextRefreshAt({ ...hour, atExpiry: true }, 600, low)).toBe(10 * MINUTE); // keep-alive still applies
  });

  it('schedules nothing without a refresh token, or for a token that never expires without keep-alive', () => {
    expect(nextRefreshAt({ ...hour, hasRefreshToken: false }, 600)).toBeNull();
    expect(nextRefreshAt({ obtainedAt: 0, expiresAt: null, hasRefreshToken: true }, undefined)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles from 2 s, half fixed and half random, capped at 5 minutes', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, undefined, low))).toEqual([1_000, 2_000, 4_000]);
    expect([1, 2, 3].map((n) => backoffMs(n, undefined, high))).toEqual([2_000, 4_000, 8_000]);
    expect(backoffMs(30, undefined, high)).toBe(5 * MINUTE);
    expect(backoffMs(30, undefined, low)).toBe(2.5 * MINUTE);
  });

  it('never retries sooner than the provider’s Retry-After', () => {
    expect(backoffMs(1, 42, high)).toBe(42_000);
    expect(backoffMs(20, 1, low)).toBe(2.5 * MINUTE);
  });
});
