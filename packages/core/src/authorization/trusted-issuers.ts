import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JSONWebKeySet,
  type JWTPayload,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { VaultError } from '../errors.js';
import type { VaultContext } from '../vault-context.js';

/** An identity provider whose JWTs name the app's users (docs/configuration.md, `identity.trustedIssuers`). */
export interface TrustedIssuer {
  /** Compared exactly with the token's `iss`. */
  issuer: string;
  /** Default: `jwks_uri` of `{issuer}/.well-known/openid-configuration`. */
  jwksUri?: string;
  /** The token's `aud` must name one of these. */
  audiences: readonly string[];
  /** The claim holding the user id; default `sub`. */
  userIdClaim?: string;
  /** Put before the claim's value, e.g. `auth0|`, so users of two issuers cannot collide. */
  userIdPrefix?: string;
}

/** A user proved by a trusted issuer's JWT. */
export interface TrustedUser {
  env: string;
  userId: string;
  issuer: string;
}

/** Asymmetric algorithms only: a JWKS holds public keys, so `none` and HMAC (keyed by a public key) never verify. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
/** An unknown `kid` fetches the key set again at most this often, so forged kids cannot make the vault a flood. */
const REFETCH_COOLDOWN_MS = 60_000;
/** Keys are fetched again this long after the last fetch even when every `kid` is known (a revoked key goes). */
const KEYS_MAX_AGE_MS = 10 * 60_000;
const CLOCK_TOLERANCE_SECONDS = 30;

interface KeySet {
  jwks: JSONWebKeySet;
  fetchedAt: number;
}

/**
 * Verifies the app's user JWTs against the environments' trusted issuers, with `jose` over each issuer's JWKS. The
 * key sets are fetched through the vault's guarded fetch and cached on the vault's clock; one fetch per issuer is in
 * flight at a time, and a failed fetch waits out the same cooldown.
 */
export function createTrustedIssuers(
  ctx: Pick<VaultContext<unknown>, 'http' | 'now' | 'log'>,
  byEnv: Readonly<Record<string, readonly TrustedIssuer[]>>,
) {
  const entries = Object.entries(byEnv).flatMap(([env, issuers]) => issuers.map((issuer) => ({ env, issuer })));
  const keySets = new Map<string, KeySet>();
  const lastAttempt = new Map<string, number>();
  const inFlight = new Map<string, Promise<KeySet | undefined>>();

  async function fetchJson(url: string, what: string): Promise<Record<string, unknown>> {
    const response = await ctx.http.fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(ctx.http.timeoutMs),
    });
    if (!response.ok) throw new Error(`${what} answered HTTP ${response.status}`);
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) throw new Error(`${what} is not a JSON object`);
    return body as Record<string, unknown>;
  }

  async function jwksUriOf(issuer: TrustedIssuer): Promise<string> {
    if (issuer.jwksUri) return issuer.jwksUri;
    const discovery = await fetchJson(
      `${issuer.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      'the discovery document',
    );
    if (discovery.issuer !== issuer.issuer || typeof discovery.jwks_uri !== 'string') {
      throw new Error('the discovery document names another issuer or no jwks_uri');
    }
    return discovery.jwks_uri;
  }

  async function fetchKeys(issuer: TrustedIssuer): Promise<KeySet | undefined> {
    lastAttempt.set(issuer.issuer, ctx.now());
    try {
      const body = await fetchJson(await jwksUriOf(issuer), 'the JWKS');
      if (!Array.isArray(body.keys)) throw new Error('the JWKS has no keys array');
      const fresh = { jwks: body as unknown as JSONWebKeySet, fetchedAt: ctx.now() };
      keySets.set(issuer.issuer, fresh);
      return fresh;
    } catch (err) {
      ctx.log.warn({ err, issuer: issuer.issuer }, 'fetching a trusted issuer’s keys failed');
      return keySets.get(issuer.issuer);
    }
  }

  /** The cached key set, fetched again when it is old or lacks `kid`, unless a fetch happened within the cooldown. */
  async function keysFor(issuer: TrustedIssuer, kid: string | undefined): Promise<KeySet | undefined> {
    const now = ctx.now();
    const cached = keySets.get(issuer.issuer);
    const stale = !cached || now - cached.fetchedAt >= KEYS_MAX_AGE_MS;
    const missing = cached && kid !== undefined && !cached.jwks.keys.some((key) => key.kid === kid);
    if (!stale && !missing) return cached;
    if (now - (lastAttempt.get(issuer.issuer) ?? Number.NEGATIVE_INFINITY) < REFETCH_COOLDOWN_MS) {
      return inFlight.get(issuer.issuer) ?? cached;
    }
    const pending = fetchKeys(issuer).finally(() => inFlight.delete(issuer.issuer));
    inFlight.set(issuer.issuer, pending);
    return pending;
  }

  return {
    /**
     * The user a JWT names: its `iss` exactly a trusted issuer's, its `aud` one of that issuer's audiences, its
     * signature by a key of the issuer's JWKS with an asymmetric algorithm, `exp` required and `nbf` honoured.
     * Every failure is `unauthorized`.
     */
    async verify(token: string): Promise<TrustedUser> {
      let claims: JWTPayload;
      let header: { alg?: unknown; kid?: unknown };
      try {
        claims = decodeJwt(token);
        header = decodeProtectedHeader(token);
      } catch (cause) {
        throw new VaultError('unauthorized', 'the bearer token is not a JWT', { cause });
      }
      const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
      const candidates = entries.filter(({ issuer }) => issuer.issuer === claims.iss);
      if (candidates.length === 0) throw new VaultError('unauthorized', 'the token’s issuer is not trusted');
      const match = candidates.find(({ issuer }) => issuer.audiences.some((aud) => audiences.includes(aud)));
      if (!match) throw new VaultError('unauthorized', 'the token’s aud claim names no audience the vault accepts');
      const { env, issuer } = match;
      const { alg, kid } = header;
      // Refused before any key is looked up, so a token no key could verify never costs a fetch.
      if (typeof alg !== 'string' || !ALGORITHMS.includes(alg)) {
        throw new VaultError('unauthorized', 'the token’s algorithm is not one the issuer’s keys use');
      }
      const keys = await keysFor(issuer, typeof kid === 'string' ? kid : undefined);
      if (!keys) throw new VaultError('unauthorized', 'the issuer’s keys could not be fetched; try again later');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks), {
          issuer: issuer.issuer,
          audience: [...issuer.audiences],
          algorithms: ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(ctx.now()),
        }));
      } catch (cause) {
        throw new VaultError('unauthorized', verificationMessage(cause), { cause });
      }
      const id = payload[issuer.userIdClaim ?? 'sub'];
      if (typeof id !== 'string' || id === '') {
        throw new VaultError('unauthorized', `the token has no ${issuer.userIdClaim ?? 'sub'} claim naming the user`);
      }
      return { env, userId: `${issuer.userIdPrefix ?? ''}${id}`, issuer: issuer.issuer };
    },
  };
}

export type TrustedIssuers = ReturnType<typeof createTrustedIssuers>;

function verificationMessage(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'the token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `the token’s ${err.claim} claim is not acceptable`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the token’s algorithm is not one the issuer’s keys use';
  if (err instanceof joseErrors.JWKSNoMatchingKey) return 'no key of the issuer’s JWKS matches the token';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is not valid';
}
