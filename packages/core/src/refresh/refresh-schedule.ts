/** When to refresh next and how long to back off: pure functions, so the rules are testable on their own. */

import { refreshTokenExpiry, type TokenSet } from '../oauth/token-set.js';
import type { ProviderSpec } from '../providers/provider-spec.js';

const MINUTE = 60_000;

/**
 * When the scheduler should refresh a token set ahead of its expiry (docs/reliability.md, "Refresh ahead and keep-alive"): about 10% of the lifetime
 * early, at least 5 minutes, but never more than half the lifetime (a 2-minute token would otherwise be due
 * the moment it arrives), plus up to 20% jitter so tokens obtained together are not refreshed together.
 * `atExpiry` (the spec's `sameTokenUntilExpiry`): at the expiry itself, since the provider hands back the same
 * token until then. With `keepAliveSeconds`, at least that often, for providers whose refresh tokens die when
 * unused (Google after 6 months, Xero and Box after 60 days); with `refreshTokenExpiresAt`, once 90% of the
 * refresh token's remaining life has passed, so it is used (and replaced) before it dies. Null when there is
 * nothing to refresh ahead.
 */
export function nextRefreshAt(
  tokens: {
    obtainedAt: number;
    expiresAt: number | null;
    hasRefreshToken: boolean;
    refreshTokenExpiresAt?: number | undefined;
    atExpiry?: boolean;
    /** Never before this (a long-lived token the provider renews only once it is a day old). */
    notBefore?: number | undefined;
  },
  keepAliveSeconds: number | undefined,
  random: () => number = Math.random,
): number | null {
  if (!tokens.hasRefreshToken) return null;
  const planned = plannedAt(tokens, keepAliveSeconds, random);
  return planned === null ? null : Math.max(planned, tokens.notBefore ?? planned);
}

function plannedAt(
  tokens: Parameters<typeof nextRefreshAt>[0],
  keepAliveSeconds: number | undefined,
  random: () => number,
): number | null {
  const candidates: number[] = [];
  if (tokens.expiresAt !== null && tokens.atExpiry) candidates.push(tokens.expiresAt);
  else if (tokens.expiresAt !== null) {
    const lifetime = Math.max(0, tokens.expiresAt - tokens.obtainedAt);
    const lead = Math.min(Math.max(lifetime * 0.1, 5 * MINUTE), lifetime / 2);
    candidates.push(tokens.expiresAt - Math.min(lead * (1 + 0.2 * random()), lifetime * 0.6));
  }
  const keepAlive: number[] = [];
  if (keepAliveSeconds !== undefined) keepAlive.push(keepAliveSeconds * 1000);
  if (tokens.refreshTokenExpiresAt !== undefined) {
    keepAlive.push(Math.max(0, tokens.refreshTokenExpiresAt - tokens.obtainedAt) * 0.9);
  }
  for (const interval of keepAlive) candidates.push(tokens.obtainedAt + interval * (1 - 0.1 * random()));
  return candidates.length === 0 ? null : Math.round(Math.min(...candidates));
}

/**
 * How long to wait after the n-th consecutive failure: exponential from 2 s, capped at 5 minutes, with
 * "equal jitter" (half fixed, half random) so that accounts failing together spread out; never sooner than
 * the provider's Retry-After.
 */
export function backoffMs(failures: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(2_000 * 2 ** Math.max(0, failures - 1), 5 * MINUTE);
  const jittered = Math.round(ceiling / 2 + (ceiling / 2) * random());
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/**
 * What `nextRefreshAt` needs to know of a token set just stored, by the spec's rules: a long-lived token (Instagram,
 * Threads) is renewable without a refresh token, but not before it is `minAgeSeconds` old.
 */
export function renewalPlan(
  spec: ProviderSpec,
  tokens: Pick<TokenSet, 'obtainedAt' | 'expiresAt'>,
  hasRefreshToken: boolean,
  metadata: Record<string, string>,
) {
  const renewal = spec.longLivedToken;
  return {
    obtainedAt: tokens.obtainedAt,
    expiresAt: tokens.expiresAt,
    hasRefreshToken: hasRefreshToken || renewal !== undefined,
    refreshTokenExpiresAt: refreshTokenExpiry(metadata),
    atExpiry: spec.sameTokenUntilExpiry,
    notBefore: renewal && tokens.obtainedAt + renewal.minAgeSeconds * 1000,
  };
}
