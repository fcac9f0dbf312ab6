import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { authressAudience, isKeyId } from '../clients/access-keys.js';
import { fromBase64, isRandomId } from '../encoding.js';
import { VaultError } from '../errors.js';
import type { ClientStore } from '../store.js';
import type { ClientKeyRow, GrantRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { allows, type Caller, type Grant, parseGrant } from './grants.js';

// Service-client authentication: a bearer JWT to the principal it proves, with caches that keep a token read from
// costing a signature check and two store reads. Client administration (clients/service-clients.ts) calls
// `forget` after each change, so a revoked key or grant stops working at once in this process.

/** An authenticated service client, acting in exactly one environment. */
export interface Principal {
  clientId: string;
  keyId: string;
  env: string;
  grants: Grant[];
}

/** Authress SDK tokens live 24 h; anything longer is refused (docs/api.md, "Access keys and JWTs"). */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;
/**
 * How long a process may use a key row and its grants without reading them again. Revoking a key or a
 * grant takes effect within 1 second in every process; half of that leaves room for the request in flight
 * (docs/security.md, "Stolen access key").
 */
const CREDENTIAL_TTL_MS = 500;
const CACHE_LIMIT = 10_000;
/** Verified tokens are kept by their text, which their signer chose: bounded in characters too. */
const VERIFIED_MAX_CHARS = 8_000_000;

interface Verified {
  clientId: string;
  keyId: string;
  /** The token's `exp`, seconds since the epoch. */
  exp: number;
  /** `credentialId(clientId, keyId)`, made once per token rather than once per request. */
  id: string;
}

interface Credentials {
  key: ClientKeyRow | undefined;
  grants: TimedGrant[];
  /** The grants, when none of them expires: what `live` returns without building a list per request. */
  lasting?: Grant[];
}

const NO_CREDENTIALS: Credentials = { key: undefined, grants: [] };

/** What this process holds about one access key. */
interface KeyState {
  /** The last read of the key and its grants, running or done; undefined once forgotten. */
  loading?: Promise<Credentials>;
  /** When that read began: it is used for CREDENTIAL_TTL_MS from then. */
  loadedAt: number;
  /** When this process last recorded the key's use. */
  touchedAt: number;
}
const credentialId = (clientId: string, keyId: string) => `${clientId}\n${keyId}`;

/** A parsed grant and when it stops working: expiry is checked on every use, so a cached grant cannot outlive it. */
interface TimedGrant {
  grant: Grant;
  expiresAt: number | null;
}

/** `lastUsedAt` is written at most this often per key and process: a token read must not cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Verifies service-client JWTs; `forget(clientId)` drops what this process cached about a client. */
export function createClientAuthenticator(
  ctx: VaultContext<Pick<ClientStore, 'getClientKey' | 'getGrants' | 'touchClientKey' | 'listClientKeys'>>,
) {
  const publicKeys = new LRUCache<string, Promise<CryptoKey>>({ max: CACHE_LIMIT });
  const importPublicKey = (spki: string) => {
    let key = publicKeys.get(spki);
    if (!key) {
      key = crypto.subtle.importKey('spki', fromBase64(spki), { name: 'Ed25519' }, false, ['verify']);
      publicKeys.set(spki, key);
    }
    return key;
  };

  // Tokens whose signature and claims were verified, by their exact text. A signature does not stop being valid;
  // expiry is checked again on every use, and the key's revocation comes from its state below. SDKs reuse one token
  // for many requests, so this saves an Ed25519 verification per request.
  const verified = new Map<string, Verified>();
  let verifiedChars = 0;
  const remember = (token: string, entry: Verified) => {
    if (!verified.has(token)) verifiedChars += token.length;
    verified.set(token, entry);
    // The oldest go first; one evicted while still in use is verified again on its next request.
    for (const [old] of verified) {
      if (verified.size <= CACHE_LIMIT && verifiedChars <= VERIFIED_MAX_CHARS) break;
      verified.delete(old);
      verifiedChars -= old.length;
    }
  };
  // One entry per access key (`credentialId`), so that a token read looks up two plain maps and nothing else: a
  // cache that decides expiry and recency per lookup cost a read about 2.5 µs. Only ids that could be ours get an
  // entry, and only keys the store has keep it (a failed read neither): a caller cannot fill it.
  const keys = new Map<string, KeyState>();

  function credentialsOf(clientId: string, keyId: string, id: string, now: number): Promise<Credentials> {
    let state = keys.get(id);
    if (state?.loading && now - state.loadedAt < CREDENTIAL_TTL_MS) return state.loading;
    if (!state) {
      if (!isRandomId('sc', clientId) || !isKeyId(keyId)) return Promise.resolve(NO_CREDENTIALS);
      state = { loadedAt: now, touchedAt: Number.NEGATIVE_INFINITY };
      keys.set(id, state);
      if (keys.size > CACHE_LIMIT) keys.delete(keys.keys().next().value as string);
    }
    // The requests that find the entry expired at the same moment share this read.
    const loading = loadCredentials(clientId, keyId);
    state.loading = loading;
    state.loadedAt = now;
    const drop = () => {
      if (keys.get(id)?.loading === loading) keys.delete(id);
    };
    loading.then((loaded) => loaded.key || drop(), drop);
    return loading;
  }

  async function loadCredentials(clientId: string, keyId: string): Promise<Credentials> {
    const key = await ctx.store.getClientKey(clientId, keyId);
    if (!key) return NO_CREDENTIALS;
    const grants = (await ctx.store.getGrants(clientId)).flatMap((row) =>
      usableGrant(row).map((grant) => ({ grant, expiresAt: row.expiresAt })),
    );
    const lasting = grants.every(({ expiresAt }) => expiresAt === null) ? grants.map(({ grant }) => grant) : undefined;
    return { key, grants, ...(lasting && { lasting }) };
  }

  /** Changes take effect at once in this process; other processes read again within CREDENTIAL_TTL_MS. */
  function forget(clientId: string) {
    for (const [id, state] of keys) if (id.startsWith(credentialId(clientId, ''))) state.loading = undefined;
  }

  // Awaited, so a request's effects are over when it answers; a failure only costs the record, not the request.
  // Nothing to wait for (undefined) on almost every request.
  function touch(key: ClientKeyRow, id: string, now: number): Promise<void> | undefined {
    const state = keys.get(id);
    if (!state || now - state.touchedAt < TOUCH_EVERY_MS) return undefined;
    state.touchedAt = now;
    return ctx.store.touchClientKey(key.clientId, key.id, now).catch((err: unknown) => {
      ctx.log.warn({ err, keyId: key.id }, 'recording when a key was last used failed');
    });
  }

  return {
    forget,

    /** The public keys of the client's usable keys, as a JWKS (what Authress's token verifier fetches). */
    async jwks(clientId: string) {
      const now = ctx.now();
      const keys = (await ctx.store.listClientKeys(clientId)).filter((key) => usable(key, now));
      return {
        keys: await Promise.all(
          keys.map(async (key) => {
            const publicKey = await crypto.subtle.importKey('spki', fromBase64(key.publicKey), 'Ed25519', true, [
              'verify',
            ]);
            const { kty, crv, x } = await crypto.subtle.exportKey('jwk', publicKey);
            return { kty, crv, x, kid: key.id, alg: 'EdDSA', use: 'sig' };
          }),
        ),
      };
    },

    /**
     * Verifies a bearer JWT signed with an access key: the key is found by (`sub`, `kid`) and must not be
     * revoked; `alg` EdDSA only; `iss` ends with `/v1/clients/<sub>`; `aud` names the key's environment or
     * the vault; `iat` not in the future and a lifetime of at most 24 h, each give or take the clock tolerance.
     * Every failure is `unauthorized`.
     */
    async authenticate(token: string): Promise<Principal> {
      const known = verified.get(token);
      const now = ctx.now();
      if (known && now / 1000 < known.exp + CLOCK_TOLERANCE_SECONDS) {
        const credentials = await credentialsOf(known.clientId, known.keyId, known.id, now);
        const { key } = credentials;
        checkKey(key, now);
        const touching = touch(key, known.id, now);
        if (touching) await touching;
        return { clientId: known.clientId, keyId: known.keyId, env: key.env, grants: live(credentials, now) };
      }
      let kid: unknown;
      let sub: unknown;
      try {
        kid = decodeProtectedHeader(token).kid;
        sub = decodeJwt(token).sub;
      } catch (cause) {
        throw new VaultError('unauthorized', 'the bearer token is not a JWT', { cause });
      }
      if (typeof kid !== 'string' || typeof sub !== 'string') {
        throw new VaultError('unauthorized', 'the token needs a kid header and a sub claim');
      }
      const id = credentialId(sub, kid);
      const credentials = await credentialsOf(sub, kid, id, now);
      const { key } = credentials;
      checkKey(key, ctx.now());

      let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
      try {
        ({ payload } = await jwtVerify(token, await importPublicKey(key.publicKey), {
          algorithms: ['EdDSA', 'Ed25519'],
          audience: [authressAudience(key.env), ctx.publicUrl.replace(/\/+$/, '')],
          requiredClaims: ['iss', 'sub', 'exp', 'iat'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: new Date(ctx.now()),
        }));
      } catch (cause) {
        const expected = [authressAudience(key.env), ctx.publicUrl.replace(/\/+$/, '')];
        throw new VaultError('unauthorized', verificationMessage(cause, expected), { cause });
      }
      const iss = String(payload.iss);
      if (!iss.endsWith(`/v1/clients/${sub}`) && !iss.endsWith(`/v1/clients/${encodeURIComponent(sub)}`)) {
        throw new VaultError('unauthorized', 'the token issuer does not name its client');
      }
      checkLifetime(payload.iat as number, payload.exp as number, ctx.now());
      remember(token, { clientId: sub, keyId: kid, exp: payload.exp as number, id });
      await touch(key, id, ctx.now());
      return { clientId: sub, keyId: kid, env: key.env, grants: live(credentials, ctx.now()) };
    },
  };
}

/** Together the two checks keep `exp` within 24 h (and the tolerance) of now: a future `iat` cannot stretch it. */
function checkLifetime(iat: number, exp: number, now: number): void {
  if (iat > now / 1000 + CLOCK_TOLERANCE_SECONDS) {
    throw new VaultError('unauthorized', 'the token is issued in the future');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new VaultError('unauthorized', 'the token lives longer than 24 hours');
  }
}

/** The caller a route acts for: the principal's grants decide, and the audit log names the client and key. */
export function clientCaller(principal: Principal, requestId: string | null): Caller {
  return {
    principal: `client:${principal.clientId}`,
    keyId: principal.keyId,
    requestId,
    may: (action, resource) => allows(principal, action, resource),
  };
}

function checkKey(key: ClientKeyRow | undefined, now: number): asserts key is ClientKeyRow {
  if (!key) throw new VaultError('unauthorized', 'unknown access key');
  if (key.revokedAt !== null) throw new VaultError('unauthorized', 'the access key was revoked');
  if (key.expiresAt !== null && key.expiresAt <= now) throw new VaultError('unauthorized', 'the access key expired');
}

function usable(key: ClientKeyRow, now: number): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);
}

/** The grants that have not expired at `now`. */
function live({ grants, lasting }: Credentials, now: number): Grant[] {
  return lasting ?? grants.flatMap(({ grant, expiresAt }) => (expiresAt === null || expiresAt > now ? [grant] : []));
}

/** A stored grant the matcher can use; one that no longer parses (a role since removed) grants nothing. */
export function usableGrant(row: GrantRow): Grant[] {
  try {
    return [parseGrant(row.role, row.resource)];
  } catch {
    return [];
  }
}

function verificationMessage(err: unknown, audiences: string[]): string {
  if (err instanceof joseErrors.JWTExpired) return 'the token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
    // The accepted values are not secret (the key's environment, the vault's URL) and name the fix.
    return `the token's aud claim is not acceptable: it must be ${audiences.map((a) => `"${a}"`).join(' or ')}`;
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${err.claim} claim is not acceptable`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the token must be signed with EdDSA';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is not valid';
}
