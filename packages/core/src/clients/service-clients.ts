import { type Actor, auditRow } from '../authorization/audit.js';
import { createClientAuthenticator, usableGrant } from '../authorization/client-auth.js';
import { authorizeGrant, type Caller, parseGrant } from '../authorization/grants.js';
import { isRandomId, randomId } from '../encoding.js';
import { quoted, VaultError } from '../errors.js';
import type { ClientStore } from '../store.js';
import type { ClientKeyRow, ClientRow, GrantRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { generateAccessKey, isKeyId } from './access-keys.js';

export interface CreatedClient {
  client: ClientRow;
  grants: GrantRow[];
  keyId: string;
  /** Shown once. */
  accessKey: string;
}

/** A client as admins see it: its grants and its keys' metadata, never a key. */
export interface ClientDetails extends ClientRow {
  grants: { role: string; resource: string; expiresAt: number | null }[];
  keys: Omit<ClientKeyRow, 'publicKey' | 'clientId' | 'env'>[];
}

export interface GrantInput {
  role: string;
  /** A resource pattern (see `parseGrant`); omitted or empty: the whole environment. */
  resource?: string;
  /** When the grant stops working (ms since the epoch); omitted or null: until revoked. */
  expiresAt?: number | null;
}

export function createServiceClients(ctx: VaultContext<ClientStore>) {
  const authenticator = createClientAuthenticator(ctx);
  const forget = authenticator.forget;

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
      grants: grants.map(({ role, resource, expiresAt }) => ({ role, resource, expiresAt })),
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
    authenticate: authenticator.authenticate,
    jwks: authenticator.jwks,

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
        input.grants.map((g) => ({ clientId: client.id, ...grantRow(ctx, caller, input.env, g) })),
      );
      const { row, accessKey } = await newKey(input.env, client.id, futureExpiry(ctx, input.expiresAt, 'key'));
      const grantList = grants.map(({ role, resource, expiresAt }) => ({ role, resource, expiresAt }));
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
      const grants = (await ctx.store.getGrants(clientId)).filter((row) => !expired(row, ctx.now()));
      for (const grant of grants.flatMap(usableGrant)) {
        authorizeGrant(caller, env, grant, 'add a key to a client holding');
      }
      const { row, accessKey } = await newKey(env, clientId, futureExpiry(ctx, expiresAt, 'key'));
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

    /**
     * Adds a grant the caller holds itself; granting one the client already has gives it the new expiry (which
     * time-boxes it, extends it, or with none makes it last until revoked) and changes nothing else.
     */
    async grant(env: string, clientId: string, input: GrantInput, caller: Caller) {
      await requireClient(env, clientId);
      const grant = { clientId, ...grantRow(ctx, caller, env, input) };
      const detail = { clientId, role: grant.role, resource: grant.resource, expiresAt: grant.expiresAt };
      await ctx.store.insertGrant(grant, [audit(caller, env, 'grant.added', detail)]);
      forget(clientId);
      return { role: grant.role, resource: grant.resource, expiresAt: grant.expiresAt };
    },

    async revokeGrant(env: string, clientId: string, input: GrantInput, actor: Actor) {
      await requireClient(env, clientId);
      const { role, resource } = parseGrant(input.role, input.resource ?? '');
      const grant = { clientId, role, resource, expiresAt: null };
      const detail = { clientId, role, resource };
      if (!(await ctx.store.deleteGrant(grant, [audit(actor, env, 'grant.revoked', detail)]))) {
        throw new VaultError('not_found', `client '${clientId}' has no grant ${grant.role} on '${grant.resource}'`);
      }
      forget(clientId);
    },
  };
}

export type ServiceClients = ReturnType<typeof createServiceClients>;

/** A grant to store, once `caller` is found to hold what it gives. */
function grantRow(
  ctx: VaultContext<unknown>,
  caller: Caller,
  env: string,
  input: GrantInput,
): Omit<GrantRow, 'clientId'> {
  const grant = parseGrant(input.role, input.resource ?? '');
  authorizeGrant(caller, env, grant);
  return { role: grant.role, resource: grant.resource, expiresAt: futureExpiry(ctx, input.expiresAt, 'grant') };
}

function expired(grant: GrantRow, now: number): boolean {
  return grant.expiresAt !== null && grant.expiresAt <= now;
}

function uniqueGrants(grants: GrantRow[]): GrantRow[] {
  const seen = new Set<string>();
  return grants.filter((g) => !seen.has(`${g.role}\n${g.resource}`) && seen.add(`${g.role}\n${g.resource}`));
}

function futureExpiry(
  ctx: VaultContext<unknown>,
  expiresAt: number | null | undefined,
  what: 'key' | 'grant',
): number | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  if (!Number.isFinite(expiresAt) || expiresAt <= ctx.now()) {
    throw new VaultError('invalid_request', `a ${what} must expire in the future`);
  }
  return expiresAt;
}
