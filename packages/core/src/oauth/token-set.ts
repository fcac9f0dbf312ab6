import type * as oauth from 'oauth4webapi';
import { valueAt } from '../own.js';
import type { ProviderSpec } from '../providers/provider-spec.js';
import { parseScopes } from '../scopes.js';

/** A token endpoint's answer in domain terms; the wire names stop here. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  /** What the provider says it granted; undefined when the response did not say (RFC 6749 §5.1: as requested). */
  scopes: string[] | undefined;
  obtainedAt: number;
  /** Null when the token does not expire. */
  expiresAt: number | null;
  /**
   * When the refresh token dies, from the response field the spec's `refreshTokenExpiresIn` names; undefined when
   * the response does not say.
   */
  refreshTokenExpiresAt: number | undefined;
  /**
   * The response fields the spec's `metadata` names (Salesforce's `instance_url`), as strings, and the refresh
   * token's expiry under `REFRESH_TOKEN_EXPIRES_AT` when known.
   */
  metadata: Record<string, string>;
}

/**
 * The metadata key the refresh token's expiry is kept under, as ISO 8601 (docs/configuration.md,
 * `refreshTokenExpiresIn`): the app sees when its user must reconnect, and the engine reads it back.
 */
export const REFRESH_TOKEN_EXPIRES_AT = 'refresh_token_expires_at';

/** `requestedAt` is when the request was sent, so clock skew and latency make the expiry err early. */
export function toTokenSet(
  response: oauth.TokenEndpointResponse & Record<string, unknown>,
  spec: ProviderSpec,
  requestedAt: number,
): TokenSet {
  const lifetime = typeof response.expires_in === 'number' ? response.expires_in : spec.defaultTokenLifetimeSeconds;
  const statedExpiry = spec.expiresAtField ? isoTime(valueAt(response, spec.expiresAtField)) : undefined;
  const refreshLifetime = spec.refreshTokenExpiresIn && seconds(valueAt(response, spec.refreshTokenExpiresIn));
  const refreshTokenExpiresAt = refreshLifetime ? requestedAt + refreshLifetime * 1000 : undefined;
  const metadata = pick(response, spec.metadata);
  if (refreshTokenExpiresAt !== undefined) {
    metadata[REFRESH_TOKEN_EXPIRES_AT] = new Date(refreshTokenExpiresAt).toISOString();
  }
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    refreshToken: response.refresh_token || undefined,
    idToken: response.id_token || undefined,
    scopes: response.scope === undefined ? undefined : parseScopes(response.scope),
    obtainedAt: requestedAt,
    expiresAt: expiryOf(response.expires_in, statedExpiry, lifetime, requestedAt),
    refreshTokenExpiresAt,
    metadata,
  };
}

/**
 * The account's metadata after a token response: the response's fields over the stored ones, and a new refresh
 * token without a stated lifetime drops the old one's expiry, which is no longer the held token's.
 */
export function mergeMetadata(stored: Record<string, string> | undefined, tokens: TokenSet): Record<string, string> {
  const merged = { ...stored, ...tokens.metadata };
  if (tokens.refreshToken && tokens.refreshTokenExpiresAt === undefined) delete merged[REFRESH_TOKEN_EXPIRES_AT];
  return merged;
}

/** The held refresh token's expiry from an account's metadata (ms since epoch), when the provider stated one. */
export function refreshTokenExpiry(metadata: Record<string, string>): number | undefined {
  const at = Date.parse(metadata[REFRESH_TOKEN_EXPIRES_AT] ?? '');
  return Number.isNaN(at) ? undefined : at;
}

/**
 * `expires_in` first; then an absolute time the provider stated (`expiresAtField`, Square's `expires_at`); then the
 * assumed lifetime. Null when nothing says the token expires.
 */
function expiryOf(expiresIn: unknown, stated: number | undefined, lifetime: number | undefined, requestedAt: number) {
  if (typeof expiresIn !== 'number' && stated !== undefined) return stated;
  return lifetime === undefined ? null : requestedAt + lifetime * 1000;
}

/** An ISO 8601 date-time with a zone (`2026-12-03T10:00:00Z`) as ms since the epoch; anything else undefined. */
function isoTime(value: unknown): number | undefined {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
  ) {
    return undefined;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}

/** A positive number of seconds, as a number or a numeric string (form-encoded answers); otherwise undefined. */
function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

function pick(response: Record<string, unknown>, paths: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const path of paths) {
    const value = valueAt(response, path);
    if (typeof value === 'string' || typeof value === 'number') picked[path] = String(value);
  }
  return picked;
}
