import { parseScopes } from './scopes.js';
import type { ProfileInfo } from './types.js';

/** A token as this page holds it, in memory only. */
export interface Session {
  accessToken: string;
  idToken?: string;
  scopes: ReadonlySet<string>;
  profile: ProfileInfo;
  /** The connected account the token belongs to (the vault adds it to Backstage's shape). */
  accountId?: string;
  /** Epoch ms; undefined when the vault gave no lifetime (the token does not expire). */
  expiresAt?: number;
  /** From this epoch ms on, a call refreshes first: min(3 min, half the lifetime) before `expiresAt`. */
  staleAt?: number;
}

const REFRESH_LEAD_MS = 3 * 60 * 1000;

/**
 * The one place the wire's `{profile, providerInfo}` becomes a session (Backstage's shape, as both /refresh and the
 * popup send it). Undefined when it holds no token, or an expired one.
 */
export function toSession(body: unknown, now: number): Session | undefined {
  if (!isRecord(body) || !isRecord(body.providerInfo)) return undefined;
  const { accessToken, idToken, scope, expiresInSeconds } = body.providerInfo;
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  const session: Session = {
    accessToken,
    scopes: new Set(parseScopes(typeof scope === 'string' ? scope : '')),
    profile: toProfile(body.profile),
  };
  if (typeof idToken === 'string' && idToken !== '') session.idToken = idToken;
  if (typeof body.accountId === 'string') session.accountId = body.accountId;
  if (typeof expiresInSeconds === 'number') {
    if (expiresInSeconds <= 0) return undefined;
    // The lifetime is counted from now: a token the vault hands out half-used gets its lead from what is left, so
    // the page never asks for a refresh the vault would not do yet (and loop on the same token).
    const lifetime = expiresInSeconds * 1000;
    session.expiresAt = now + lifetime;
    session.staleAt = session.expiresAt - Math.min(REFRESH_LEAD_MS, lifetime / 2);
  }
  return session;
}

export function isFresh(session: Session, now: number): boolean {
  return session.staleAt === undefined || now < session.staleAt;
}

function toProfile(value: unknown): ProfileInfo {
  const profile: ProfileInfo = {};
  if (!isRecord(value)) return profile;
  for (const key of ['displayName', 'email', 'picture'] as const) {
    const field = value[key];
    if (typeof field === 'string') profile[key] = field;
  }
  return profile;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
