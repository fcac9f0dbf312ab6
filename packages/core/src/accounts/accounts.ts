import type { Actor } from '../authorization/audit.js';
import { type Action, authorize, type Caller, type Resource, type Segment, WILDCARD } from '../authorization/grants.js';
import { aad } from '../crypto/cipher.js';
import { isRandomId, randomId } from '../encoding.js';
import { quoted, VaultError } from '../errors.js';
import { accountAudit, accountOutbox, statusOutbox } from '../events/account-events.js';
import type { AccountIdentity } from '../oauth/identity.js';
import { mergeMetadata, type TokenSet } from '../oauth/token-set.js';
import { nextRefreshAt, renewalPlan } from '../refresh/refresh-schedule.js';
import type { AccountStore } from '../store.js';
import type { AccountKey, AccountRow, AccountStatus } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';

/** A connected account as the API shows it: never a token. */
export interface ConnectedAccount {
  id: string;
  provider: string;
  providerAccountId: string;
  displayName: string | null;
  scopes: string[];
  status: AccountStatus;
  /** When the stored access token expires (ms since epoch); null if it does not. */
  expiresAt: number | null;
  /** When a refresh last succeeded; null before the first. */
  lastRefreshedAt: number | null;
  /** When the vault plans to refresh next (ahead of expiry, keep-alive or a retry); null for never. */
  nextRefreshAt: number | null;
  /** Why the last refresh failed, in the vault's words; null when it succeeded. */
  lastError: string | null;
  /** Token-response fields the provider spec keeps, e.g. Salesforce's `instance_url`. */
  metadata: Record<string, string>;
  createdAt: number;
  updatedAt: number;
}

export function toConnectedAccount(row: AccountRow): ConnectedAccount {
  return {
    id: row.id,
    provider: row.provider,
    providerAccountId: row.providerAccountId,
    displayName: row.displayName,
    scopes: row.scopes,
    status: row.status,
    expiresAt: row.expiresAt,
    lastRefreshedAt: row.lastRefreshedAt,
    nextRefreshAt: row.nextRefreshAt,
    lastError: row.lastError,
    metadata: row.metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Whether the account's grant still stands. `needs_reauth` and `revoked` (reserved for provider-side revocation
 * notices; the API and the admin filter document it) wait for the user to connect again; `error` is retried.
 */
export function isUsable(status: AccountStatus): boolean {
  return status !== 'needs_reauth' && status !== 'revoked';
}

export type TokenColumn = 'access_token' | 'refresh_token' | 'id_token';

export function sealToken(ctx: VaultContext<unknown>, accountId: string, column: TokenColumn, value: string) {
  return ctx.cipher.encrypt(value, aad('connected_accounts', accountId, column));
}

export function openToken(ctx: VaultContext<unknown>, accountId: string, column: TokenColumn, value: string) {
  return ctx.cipher.decrypt(value, aad('connected_accounts', accountId, column));
}

/** An id that cannot be one of ours is not found without asking the store. */
export async function requireAccount(ctx: VaultContext<AccountStore>, env: string, userId: string, accountId: string) {
  if (!isRandomId('ca', accountId)) throw new VaultError('not_found', `no connected account ${quoted(accountId)}`);
  const row = await ctx.store.getAccount(env, userId, accountId);
  // The environment is named: a key of another environment sees none of this one's accounts.
  if (!row) {
    throw new VaultError(
      'not_found',
      `user '${userId}' has no connected account '${accountId}' in environment '${env}'`,
    );
  }
  return row;
}

/**
 * The account, once `caller` may do `action` on it; `resourceOf` names the resource for a provider. A caller that
 * may do it for no provider (the WILDCARD provider matches only wildcard grants; the configured ids match the
 * rest) is refused before the lookup, or 404 against 403 would tell a client with no grant on this
 * user whether an account id exists.
 */
export async function authorizedAccount(
  ctx: VaultContext<AccountStore>,
  caller: Caller,
  action: Action,
  resourceOf: (provider: Segment) => Resource,
  account: { env: string; userId: string; accountId: string },
) {
  // On the token read path: a wildcard or whole-environment grant answers at the first probe.
  const mayForSome =
    caller.may(action, resourceOf(WILDCARD)) ||
    ctx.providers.list(account.env).some((provider) => caller.may(action, resourceOf(provider.id)));
  if (!mayForSome) {
    throw new VaultError('forbidden', `no grant allows ${action} on the accounts of user '${account.userId}'`);
  }
  const row = await requireAccount(ctx, account.env, account.userId, account.accountId);
  authorize(caller, action, resourceOf(row.provider));
  return row;
}

/**
 * Stores a freshly linked credential. Linking an account that is already linked updates it and keeps its id;
 * a refresh token the provider did not send again is kept, never replaced by nothing.
 */
export async function saveLinkedAccount(
  ctx: VaultContext<AccountStore>,
  key: AccountKey,
  identity: AccountIdentity,
  tokens: TokenSet,
  requestedScopes: string[],
): Promise<AccountRow> {
  const scopes = tokens.scopes ?? requestedScopes;
  const actor: Actor = { principal: `user:${key.userId}` };
  const spec = ctx.providers.get(key.env, key.provider).spec;
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await ctx.store.findAccount(key);
    const id = existing?.id ?? randomId('ca');
    const now = ctx.now();
    const sealed = {
      accessToken: await sealToken(ctx, id, 'access_token', tokens.accessToken),
      refreshToken: tokens.refreshToken
        ? await sealToken(ctx, id, 'refresh_token', tokens.refreshToken)
        : (existing?.refreshToken ?? null),
      idToken: tokens.idToken ? await sealToken(ctx, id, 'id_token', tokens.idToken) : (existing?.idToken ?? null),
    };
    const metadata = mergeMetadata(existing?.metadata, tokens);
    const fields = {
      ...sealed,
      displayName: identity.displayName,
      email: identity.profile.email ?? null,
      metadata,
      picture: identity.profile.picture ?? null,
      scopes,
      status: 'active' as const,
      tokenType: tokens.tokenType,
      obtainedAt: tokens.obtainedAt,
      expiresAt: tokens.expiresAt,
      lastError: null,
      failureCount: 0,
      nextRefreshAt: nextRefreshAt(
        renewalPlan(spec, tokens, sealed.refreshToken !== null, metadata),
        spec.keepAliveSeconds,
      ),
      updatedAt: now,
    };
    if (existing) {
      const after: AccountRow = { ...existing, ...fields, version: existing.version + 1 };
      // Re-linking an account that needed it is a recovery, and webhooks hear of it; the audit log records every
      // link.
      const outbox = statusOutbox(ctx, existing, after, actor) ?? { events: [], deliveries: [] };
      outbox.audit = [...(outbox.audit ?? []), accountAudit(actor, now, after, 'account.connected')];
      if (await ctx.store.updateAccount(id, existing.version, fields, outbox)) {
        return after;
      }
      continue; // a concurrent write won; read again and reapply
    }
    const row: AccountRow = {
      ...key,
      id,
      version: 1,
      createdAt: now,
      lastRefreshedAt: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      ...fields,
    };
    try {
      await ctx.store.insertAccount(row, accountOutbox(ctx, row, 'account.connected', actor));
      return row;
    } catch (err) {
      if (!(err instanceof VaultError && err.code === 'conflict')) throw err;
      // another flow linked the same account a moment ago; update that row instead
    }
  }
  throw new VaultError('conflict', 'the account changed concurrently too often; try again');
}
