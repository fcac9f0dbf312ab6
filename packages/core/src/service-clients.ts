import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { authressAudience, generateAccessKey } from './access-keys.js';
import { fromBase64, randomId } from './encoding.js';
import { VaultError } from './errors.js';
import type { ClientKeyRow, ClientRow, GrantRow } from './store.js';
import type { VaultContext } from './vault-context.js';

/** Roles a grant may name. Fine-grained roles and resource patterns are a later step. */
export const ROLES = ['admin'] as const;
export type Role = (typeof ROLES)[number];

/** An authenticated service client, acting in exactly one environment. */
export interface Principal {
  clientId: string;
  keyId: string;
  env: string;
  grants: GrantRow[];
}

export interface CreatedClient {
  client: ClientRow;
  grants: GrantRow[];
  keyId: string;
  /** Shown once. */
  accessKey: string;
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

interface Verified {
  clientId: string;
  keyId: string;
  /** The token's `exp`, seconds since the epoch. */
  exp: number;
}

interface Credentials {
  key: ClientKeyRow | undefined;
  grants: GrantRow[];
  readAt: number;
}

export function createServiceClients(ctx: VaultContext) {
  const publicKeys = new Map<string, Promise<CryptoKey>>();
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
  const verified = new Map<string, Verified>();
  const credentials = new Map<string, Credentials>();

  async function credentialsOf(clientId: string, keyId: string): Promise<Credentials> {
    const id = `${clientId}\n${keyId}`;
    const cached = credentials.get(id);
    if (cached && performance.now() - cached.readAt < CREDENTIAL_TTL_MS) return cached;
    const key = await ctx.store.getClientKey(clientId, keyId);
    const fresh = { key, grants: key ? await ctx.store.getGrants(clientId) : [], readAt: performance.now() };
    remember(credentials, id, fresh);
    return fresh;
  }

  async function addKey(env: string, clientId: string) {
    const key = await generateAccessKey(clientId, env);
    await ctx.store.insertClientKey({
      id: key.keyId,
      clientId,
      env,
      publicKey: key.publicKey,
      createdAt: ctx.now(),
      revokedAt: null,
    });
    return { keyId: key.keyId, accessKey: key.accessKey };
  }

  return {
    async create(input: { env: string; name: string; roles: readonly string[] }): Promise<CreatedClient> {
      if (input.env.includes('.')) throw new VaultError('invalid_request', 'an environment id cannot contain "."');
      if (!input.name.trim()) throw new VaultError('invalid_request', 'a service client needs a name');
      for (const role of input.roles) {
        if (!(ROLES as readonly string[]).includes(role)) {
          throw new VaultError('invalid_request', `unknown role '${role}'; known roles: ${ROLES.join(', ')}`);
        }
      }
      const client: ClientRow = { id: randomId('sc'), env: input.env, name: input.name, createdAt: ctx.now() };
      const grants = input.roles.map((role) => ({ clientId: client.id, role, resource: '' }));
      await ctx.store.insertClient(client, grants);
      return { client, grants, ...(await addKey(input.env, client.id)) };
    },

    list: (env: string) => ctx.store.listClients(env),

    async addKey(env: string, clientId: string) {
      if (!(await ctx.store.getClient(env, clientId))) {
        throw new VaultError('not_found', `no service client '${clientId}' in environment '${env}'`);
      }
      return addKey(env, clientId);
    },

    async revokeKey(env: string, clientId: string, keyId: string) {
      const key = await ctx.store.getClientKey(clientId, keyId);
      if (!key || key.env !== env) throw new VaultError('not_found', `no key '${keyId}' for client '${clientId}'`);
      await ctx.store.revokeClientKey(clientId, keyId, ctx.now());
      credentials.delete(`${clientId}\n${keyId}`); // at once in this process; others within CREDENTIAL_TTL_MS
    },

    /**
     * Verifies a bearer JWT signed with an access key: the key is found by (`sub`, `kid`) and must not be
     * revoked; `alg` EdDSA only; `iss` ends with `/v1/clients/<sub>`; `aud` names the key's environment or
     * the vault; lifetime at most 24 h. Every failure is `unauthorized`.
     */
    async authenticate(token: string): Promise<Principal> {
      const known = verified.get(token);
      if (known && Date.now() / 1000 < known.exp + CLOCK_TOLERANCE_SECONDS) {
        const { key, grants } = await credentialsOf(known.clientId, known.keyId);
        if (!key) throw new VaultError('unauthorized', 'unknown access key');
        if (key.revokedAt !== null) throw new VaultError('unauthorized', 'the access key was revoked');
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
      if (!key) throw new VaultError('unauthorized', 'unknown access key');
      if (key.revokedAt !== null) throw new VaultError('unauthorized', 'the access key was revoked');

      let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
      try {
        ({ payload } = await jwtVerify(token, await importPublicKey(key.publicKey), {
          algorithms: ['EdDSA', 'Ed25519'],
          audience: [authressAudience(key.env), ctx.publicUrl.replace(/\/+$/, '')],
          requiredClaims: ['iss', 'sub', 'exp', 'iat'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch (cause) {
        throw new VaultError('unauthorized', verificationMessage(cause), { cause });
      }
      const iss = String(payload.iss);
      if (!iss.endsWith(`/v1/clients/${sub}`) && !iss.endsWith(`/v1/clients/${encodeURIComponent(sub)}`)) {
        throw new VaultError('unauthorized', 'the token issuer does not name its client');
      }
      if ((payload.exp as number) - (payload.iat as number) > MAX_TOKEN_LIFETIME_SECONDS) {
        throw new VaultError('unauthorized', 'the token lives longer than 24 hours');
      }
      remember(verified, token, { clientId: sub, keyId: kid, exp: payload.exp as number });
      return { clientId: sub, keyId: kid, env: key.env, grants };
    },
  };
}

/** Bounded: past the limit the oldest entry goes (a Map iterates in insertion order). */
function remember<T>(cache: Map<string, T>, id: string, value: T): void {
  cache.delete(id);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, value);
}

export type ServiceClients = ReturnType<typeof createServiceClients>;

/** Whether the principal may act as `role` in its environment; deny by default. */
export function hasRole(principal: Principal, role: Role): boolean {
  return principal.grants.some((grant) => grant.role === role);
}

function verificationMessage(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'the token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${err.claim} claim is not acceptable`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the token must be signed with EdDSA';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  return 'the token is not valid';
}
