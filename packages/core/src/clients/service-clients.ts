import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { type Actor, auditRow } from '../authorization/audit.js';
import { allows, authorizeGrant, type Caller, type Grant, parseGrant } from '../authorization/grants.js';
import { fromBase64, isRandomId, randomId } from '../encoding.js';
import { quoted, VaultError } from '../errors.js';
import type { ClientStore } from '../store.js';
import type { ClientKeyRow, ClientRow, GrantRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { authressAudience, generateAccessKey, isKeyId } from './access-keys.js';

/** An authenticated service client, acting in exactly one environment. */
export interface Principal {
  clientId: string;
  keyId: string;
  env: string;
  grants: Grant[];
}

export interface CreatedClient {
  client: ClientRow;
  grants: GrantRow[];
  keyId: string;
  /** Shown once. */
  accessKey: string;
}

/** A client as admins see it: its grants and its keys' metadata, never a key. */
export interface ClientDetails extends ClientRow {
  grants: { role: string; resource: string }[];
  keys: Omit<ClientKeyRow, 'publicKey' | 'clientId' | 'env'>[];
}

export interface GrantInput {
  role: string;
  /** A resource pattern (see `parseGrant`); omitted or empty: the whole environment. */
  resource?: string;
}

/** Authress SDK tokens live 24 h; anything longer is refused (SPEC §5.3.3). */
const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 60;
/**
 * How long a process may use a key row and its grants without reading them again. SPEC §2: revoking a key or a
 * grant takes effect within 1 second in every process; half of that leaves room for the request in flight.
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
}

interface Credentials {
  key: ClientKeyRow | undefined;
  grants: Grant[];
}

/** `lastUsedAt` is written at most this often per key and process: a token read must not cost a write. */
const TOUCH_EVERY_MS = 60_000;

export function createServiceClients(ctx: VaultContext<ClientStore>) {
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
  // expiry is checked again on every use, and the key's revocation comes from `credentials`. SDKs reuse one token
  // for many requests, so this saves an Ed25519 verification per request.
  const verified = new LRUCache<string, Verified>({
    max: CACHE_LIMIT,
    maxSize: VERIFIED_MAX_CHARS,
    sizeCalculation: (_, token) => token.length,
  });
  const credentials = new LRUCache<string, Credentials>({ max: CACHE_LIMIT, ttl: CREDENTIAL_TTL_MS });

  /** Only ids that could be ours reach the store, and only keys it has are kept: a caller cannot fill the cache. */
  async function credentialsOf(clientId: string, keyId: string): Promise<Credentials> {
    if (!isRandomId('sc', clientId) || !isKeyId(keyId)) return { key: undefined, grants: [] };
    const id = `${clientId}\n${keyId}`;
    const cached = credentials.get(id);
    if (cached) return cached;
    const key = await ctx.store.getClientKey(clientId, keyId);
    if (!key) return { key, grants: [] };
    const fresh = { key, grants: (await ctx.store.getGrants(clientId)).flatMap(usableGrant) };
    credentials.set(id, fresh);
    return fresh;
  }

  /** Changes take effect at once in this process; other processes read again within CREDENTIAL_TTL_MS. */
  function forget(clientId: string) {
    for (const id of [...credentials.keys()]) if (id.startsWith(`${clientId}\n`)) credentials.delete(id);
  }

  // Awaited, so a request's effects are over when it answers; a failure only costs the record, not the request.
  const touched = new LRUCache<string, number>({ max: CACHE_LIMIT });
  async function touch(key: ClientKeyRow) {
    const id = `${key.clientId}\n${key.id}`;
    const now = ctx.now();
    if (now - (touched.get(id) ?? Number.NEGATIVE_INFINITY) < TOUCH_EVERY_MS) return;
    touched.set(id, now);
    await ctx.store.touchClientKey(key.clientId, key.id, now).catch((err: unknown) => {
      ctx.log.warn({ err, keyId: key.id }, 'recording when a key was last used failed');
    });
  }

  async function newKey(env: string, clientId: string, expiresAt: number | null) {
    const key = await generateAccessKey(clientId, env);
    const row: ClientKeyRow = {
      id: key.keyId,
      clientId,
      env,
      publicKey: key.publicKey,
      createdAt: ctx.now(),
      revokedAt: null,
      expiresAt,
      lastUsedAt: null,
    };
    return { row, accessKey: key.accessKey };
  }

  async function requireClient(env: string, clientId: string): Promise<ClientRow> {
    if (!isRandomId('sc', clientId)) throw new VaultError('not_found', `no service client ${quoted(clientId)}`);
    const client = await ctx.store.getClient(env, clientId);
    if (!client) throw new VaultError('not_found', `no service client '${clientId}' in environment '${env}'`);
    return client;
  }

  const audit = (actor: Actor, env: string, action: string, detail: object) =>
    auditRow(actor, ctx.now(), { env, action, result: 'ok', detail });

  async function details(client: ClientRow): Promise<ClientDetails> {
    const [grants, keys] = await Promise.all([ctx.store.getGrants(client.id), ctx.store.listClientKeys(client.id)]);
    return {
      ...client,
      grants: grants.map(({ role, resource }) => ({ role, resource })),
      keys: keys.map(({ id, createdAt, revokedAt, expiresAt, lastUsedAt }) => ({
        id,
        createdAt,
        revokedAt,
        expiresAt,
        lastUsedAt,
      })),
    };
  }

  return {
    /** A client with its grants and first key; `expiresAt` bounds that key's life. */
    async create(
      input: { env: string; name: string; grants: readonly GrantInput[]; expiresAt?: number | null },
      caller: Caller,
    ): Promise<CreatedClient> {
      if (input.env === '' || input.env.includes('.')) {
        throw new VaultError('invalid_request', 'an environment id cannot contain "." or be empty');
      }
      const name = input.name.trim();
      if (!name || name.length > 200) throw new VaultError('invalid_request', 'a service client needs a name');
      const client: ClientRow = { id: randomId('sc'), env: input.env, name, createdAt: ctx.now() };
      const grants = uniqueGrants(
        input.grants.map((g) => ({ clientId: client.id, ...grantRow(caller, input.env, g) })),
      );
      const { row, accessKey } = await newKey(input.env, client.id, futureExpiry(ctx, input.expiresAt));
      const grantList = grants.map(({ role, resource }) => ({ role, resource }));
      await ctx.store.insertClient(client, grants, row, [
        audit(caller, client.env, 'client.created', { clientId: client.id, name, grants: grantList }),
        audit(caller, client.env, 'key.added', { clientId: client.id, keyId: row.id, expiresAt: row.expiresAt }),
      ]);
      return { client, grants, keyId: row.id, accessKey };
    },

    async list(env: string): Promise<ClientDetails[]> {
      return Promise.all((await ctx.store.listClients(env)).map(details));
    },

    async get(env: string, clientId: string): Promise<ClientDetails> {
      return details(await requireClient(env, clientId));
    },

    async remove(env: string, clientId: string, actor: Actor): Promise<void> {
      if (!isRandomId('sc', clientId)) throw new VaultError('not_found', `no service client ${quoted(clientId)}`);
      const removed = await ctx.store.deleteClient(env, clientId, [audit(actor, env, 'client.deleted', { clientId })]);
      if (!removed) throw new VaultError('not_found', `no service client '${clientId}' in environment '${env}'`);
      forget(clientId);
    },

    /**
     * A key acts with every grant of its client, so the caller must hold each of them itself: managing a client is
     * not enough to borrow its grants.
     */
    async addKey(env: string, clientId: string, caller: Caller, expiresAt?: number | null) {
      await requireClient(env, clientId);
      for (const grant of (await ctx.store.getGrants(clientId)).flatMap(usableGrant)) {
        authorizeGrant(caller, env, grant, 'add a key to a client holding');
      }
      const { row, accessKey } = await newKey(env, clientId, futureExpiry(ctx, expiresAt));
      await ctx.store.insertClientKey(row, [
        audit(caller, env, 'key.added', { clientId, keyId: row.id, expiresAt: row.expiresAt }),
      ]);
      return { keyId: row.id, accessKey, expiresAt: row.expiresAt };
    },

    async revokeKey(env: string, clientId: string, keyId: string, actor: Actor) {
      if (!isRandomId('sc', clientId) || !isKeyId(keyId)) {
        throw new VaultError('not_found', `no key ${quoted(keyId)} for client ${quoted(clientId)}`);
      }
      const key = await ctx.store.getClientKey(clientId, keyId);
      if (!key || key.env !== env) throw new VaultError('not_found', `no key '${keyId}' for client '${clientId}'`);
      await ctx.store.revokeClientKey(clientId, keyId, ctx.now(), [
        audit(actor, env, 'key.revoked', { clientId, keyId }),
      ]);
      forget(clientId);
    },

    /** Adds a grant the caller holds itself; granting one the client already has changes nothing. */
    async grant(env: string, clientId: string, input: GrantInput, caller: Caller) {
      await requireClient(env, clientId);
      const grant = { clientId, ...grantRow(caller, env, input) };
      const detail = { clientId, role: grant.role, resource: grant.resource };
      await ctx.store.insertGrant(grant, [audit(caller, env, 'grant.added', detail)]);
      forget(clientId);
      return { role: grant.role, resource: grant.resource };
    },

    async revokeGrant(env: string, clientId: string, input: GrantInput, actor: Actor) {
      await requireClient(env, clientId);
      const { role, resource } = parseGrant(input.role, input.resource ?? '');
      const grant = { clientId, role, resource };
      const detail = { clientId, role, resource };
      if (!(await ctx.store.deleteGrant(grant, [audit(actor, env, 'grant.revoked', detail)]))) {
        throw new VaultError('not_found', `client '${clientId}' has no grant ${grant.role} on '${grant.resource}'`);
      }
      forget(clientId);
    },

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
      if (known && ctx.now() / 1000 < known.exp + CLOCK_TOLERANCE_SECONDS) {
        const { key, grants } = await credentialsOf(known.clientId, known.keyId);
        checkKey(key, ctx.now());
        await touch(key);
        return { clientId: known.clientId, keyId: known.keyId, env: key.env, grants };
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
      const { key, grants } = await credentialsOf(sub, kid);
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
        throw new VaultError('unauthorized', verificationMessage(cause), { cause });
      }
      const iss = String(payload.iss);
      if (!iss.endsWith(`/v1/clients/${sub}`) && !iss.endsWith(`/v1/clients/${encodeURIComponent(sub)}`)) {
        throw new VaultError('unauthorized', 'the token issuer does not name its client');
      }
      checkLifetime(payload.iat as number, payload.exp as number, ctx.now());
      verified.set(token, { clientId: sub, keyId: kid, exp: payload.exp as number });
      await touch(key);
      return { clientId: sub, keyId: kid, env: key.env, grants };
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

export type ServiceClients = ReturnType<typeof createServiceClients>;

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

/** A grant to store, once `caller` is found to hold what it gives. */
function grantRow(caller: Caller, env: string, input: GrantInput): Omit<GrantRow, 'clientId'> {
  const grant = parseGrant(input.role, input.resource ?? '');
  authorizeGrant(caller, env, grant);
  return { role: grant.role, resource: grant.resource };
}

/** A stored grant the matcher can use; one that no longer parses (a role since removed) grants nothing. */
function usableGrant(row: GrantRow): Grant[] {
  try {
    return [parseGrant(row.role, row.resource)];
  } catch {
    return [];
  }
}

function uniqueGrants(grants: GrantRow[]): GrantRow[] {
  const seen = new Set<string>();
  return grants.filter((g) => !seen.has(`${g.role}\n${g.resource}`) && seen.add(`${g.role}\n${g.resource}`));
}

function futureExpiry(ctx: VaultContext<unknown>, expiresAt: number | null | undefined): number | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  if (!Number.isFinite(expiresAt) || expiresAt <= ctx.now()) {
    throw new VaultError('invalid_request', 'a key must expire in the future');
  }
  return expiresAt;
}

function verificationMessage(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'the token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${err.claim} claim is not acceptable`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the token must be signed with EdDSA';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is not valid';
}
