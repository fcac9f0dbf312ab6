import { auditRow } from '../authorization/audit.js';
import {
  type Action,
  authorize,
  authorizeScopes,
  type Caller,
  resources,
  type Segment,
} from '../authorization/grants.js';
import { isVaultError, VaultError } from '../errors.js';
import { renewalTooEarly } from '../oauth/long-lived-token.js';
import type { ProviderSpec } from '../providers/provider-spec.js';
import type { RefreshEngine, Refreshed } from '../refresh/refresh-engine.js';
import { missingScopes } from '../scopes.js';
import type { AccountStore } from '../store.js';
import type { AccountRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { authorizedAccount, isUsable, openToken } from './accounts.js';

/** Refresh when less than this remains, or less than half the token's life for short-lived tokens (docs/reliability.md). */
export const DEFAULT_MIN_VALIDITY_SECONDS = 300;

/**
 * A token refreshed less than this long ago is served even when `minValiditySeconds` asks for more than it has
 * left: it is the freshest the provider gives, and asking again only spends the provider's rate limit (Zoho allows
 * 10 refreshes in 10 minutes) and risks marking the account as failing. At most two forced refreshes per account
 * in 10 minutes; refreshes the normal margin calls for are never held back.
 */
export const FORCED_REFRESH_INTERVAL_SECONDS = 300;

export interface TokenOptions {
  /** Every one must be held, or the answer is `missing_scopes`. */
  scopes?: readonly string[];
  /**
   * Refresh first if less than this remains. A value longer than the provider's token lifetime causes one
   * refresh and returns that token: never an error, never a loop; later reads within
   * `FORCED_REFRESH_INTERVAL_SECONDS` of that refresh get the same token.
   */
  minValiditySeconds?: number;
}

export interface AccessTokenRequest extends TokenOptions {
  env: string;
  userId: string;
  accountId: string;
}

/** A token of the user's best account of one provider: healthy, holding the scopes, most recently linked. */
export interface ProviderTokenRequest extends TokenOptions {
  env: string;
  userId: string;
  provider: string;
}

/** The account a read found, once it found one: what its audit row names. */
interface Seen {
  account?: AccountRow | undefined;
}

/** A token and the account row it came from: the row a refresh wrote, when it refreshed. */
interface Issued {
  token: AccessToken;
  row: AccountRow;
}

export interface AccessToken {
  accessToken: string;
  tokenType: string;
  /** Ms since epoch; null if the token does not expire. */
  expiresAt: number | null;
  scopes: string[];
  /** The account the token belongs to. */
  accountId: string;
}

/** How a read is authorized and recorded: a plain read, or a token exchange by an agent for a user. */
export interface ReadKind {
  action: Action;
  /** The audit log's name for it. */
  audited: 'credentials.read' | 'credentials.exchange';
  /** More for the audit row, e.g. the exchange's subject. */
  detail?: object;
}

const READ: ReadKind = { action: 'credentials:read', audited: 'credentials.read' };

/**
 * Credential reads. Each is authorized (by grant or session, docs/security.md) before anything is refreshed or decrypted,
 * and written to the audit log, failures included; a token is handed out only once its audit row is stored.
 */
export function createAccessTokens(ctx: VaultContext<AccountStore>, engine: RefreshEngine) {
  return {
    /** The token of an account already authorized and looked up (the proxy's), refreshed first if due; not audited. */
    issue: async (row: AccountRow): Promise<AccessToken> => (await issue(row, {})).token,
    /** The user's best account among `rows` (healthy, then most recently linked), as provider reads pick it. */
    best,
    async get(request: AccessTokenRequest, caller: Caller, kind = READ): Promise<AccessToken> {
      return (await read(request, caller, kind)).token;
    },
    /** `get`, with the account row the token came from (after its refresh, if there was one). */
    read,

    getForProvider(request: ProviderTokenRequest, caller: Caller, kind = READ): Promise<AccessToken> {
      const seen: Seen = {};
      return audited(caller, request, kind, seen, bestAccount(request, caller, kind, seen)).then(
        (issued) => issued.token,
      );
    },
  };

  function read(request: AccessTokenRequest, caller: Caller, kind = READ): Promise<Issued> {
    const seen: Seen = {};
    return audited(caller, request, kind, seen, namedAccount(request, caller, kind, seen));
  }

  async function namedAccount(request: AccessTokenRequest, caller: Caller, kind: ReadKind, seen: Seen) {
    authorizeScopes(caller, request.scopes ?? []);
    const resourceOf = (provider: Segment) => resources.credentials(request.env, provider, request.userId);
    seen.account = await authorizedAccount(ctx, caller, kind.action, resourceOf, request);
    return issue(seen.account, request);
  }

  async function bestAccount(request: ProviderTokenRequest, caller: Caller, kind: ReadKind, seen: Seen) {
    authorize(caller, kind.action, resources.credentials(request.env, request.provider, request.userId));
    authorizeScopes(caller, request.scopes ?? []);
    const rows = await ctx.store.listAccounts(request.env, request.userId, request.provider);
    const holding = rows.filter((row) => missingScopes(row.scopes, request.scopes ?? []).length === 0);
    // When no account holds the scopes, the best one answers missing_scopes, naming what it lacks.
    seen.account = best(holding) ?? best(rows);
    if (!seen.account) {
      const where = `in environment '${request.env}'`;
      throw new VaultError(
        'not_found',
        `user '${request.userId}' has no connected ${request.provider} account ${where}`,
      );
    }
    return issue(seen.account, request);
  }

  /** The read's audit row, once `attempt` (already under way) settles: its account, if it got that far. */
  async function audited(
    caller: Caller,
    request: TokenOptions & { env: string; userId: string; accountId?: string; provider?: string },
    kind: ReadKind,
    seen: Seen,
    attempt: Promise<Issued>,
  ): Promise<Issued> {
    let issued: Issued;
    try {
      issued = await attempt;
    } catch (err) {
      await record(caller, request, kind, seen, isVaultError(err) ? err.code : 'internal').catch((failure: unknown) =>
        ctx.log.error({ err: failure }, 'writing the audit log failed'),
      );
      throw err;
    }
    await record(caller, request, kind, seen, 'ok'); // if the log cannot be written, the token is not handed out
    return issued;
  }

  function record(
    caller: Caller,
    request: TokenOptions & { env: string; userId: string; accountId?: string; provider?: string },
    kind: ReadKind,
    { account }: Seen,
    result: string,
  ): Promise<void> {
    return ctx.audit.record(
      auditRow(caller, ctx.now(), {
        env: request.env,
        action: kind.audited,
        result,
        userId: request.userId,
        provider: account?.provider ?? request.provider ?? null,
        accountId: account?.id ?? request.accountId ?? null,
        scopes: request.scopes ? [...request.scopes] : null,
        ...(kind.detail && { detail: kind.detail }),
      }),
    );
  }

  async function issue(initial: AccountRow, options: TokenOptions): Promise<Issued> {
    let row = initial;
    if (!isUsable(row.status)) {
      throw new VaultError('needs_reauth', 'the account must be connected again');
    }
    const missing = missingScopes(row.scopes, options.scopes ?? []);
    if (missing.length > 0) {
      throw new VaultError('missing_scopes', `the account lacks scopes: ${missing.join(' ')}`, {
        missingScopes: missing,
      });
    }
    let plaintext: string | undefined; // the token a refresh just brought, not decrypted again
    // The spec is looked up only when a refresh is in question: the common read stays as short as it was.
    const spec = shouldRefresh(row, options.minValiditySeconds, ctx.now()) ? specOf(row) : null;
    if (spec !== null && !handedBackUntilExpiry(row, spec)) {
      if (row.refreshToken || spec?.longLivedToken) {
        ({ row, accessToken: plaintext } = await refreshOrKeep(row, options.minValiditySeconds));
      } else if (row.expiresAt !== null && row.expiresAt <= ctx.now()) {
        throw new VaultError('needs_reauth', 'the access token expired and the provider gave no refresh token');
      }
    }
    const token = {
      accessToken: plaintext ?? (await openToken(ctx, row.id, 'access_token', row.accessToken)),
      tokenType: row.tokenType,
      expiresAt: row.expiresAt,
      scopes: row.scopes,
      accountId: row.id,
    };
    return { token, row };
  }

  /**
   * A provider with `sameTokenUntilExpiry` answers a refresh before the expiry with the token already held, so a
   * read hands that token out until it expires instead of asking again on every read.
   */
  function handedBackUntilExpiry(row: AccountRow, spec: ProviderSpec | undefined): boolean {
    if (row.expiresAt === null || row.expiresAt <= ctx.now() || !spec) return false;
    // A long-lived token too young to renew (Instagram: 24 hours) is the best there is, as the held token is.
    return spec.sameTokenUntilExpiry || renewalTooEarly(spec, row, ctx.now());
  }

  /** The account's provider spec; undefined when the provider is no longer configured (the refresh says why). */
  function specOf(row: AccountRow): ProviderSpec | undefined {
    try {
      return ctx.providers.get(row.env, row.provider).spec;
    } catch {
      return undefined;
    }
  }

  /**
   * When the provider is down but the stored token has not expired yet, a caller that did not ask for a minimum
   * validity gets that token rather than an error; one that did gets `provider_unavailable`.
   */
  async function refreshOrKeep(row: AccountRow, minValiditySeconds: number | undefined): Promise<Refreshed> {
    try {
      return await engine.refresh(row);
    } catch (err) {
      const transient = isVaultError(err, 'provider_unavailable') || isVaultError(err, 'provider_error');
      const stillValid = row.expiresAt !== null && row.expiresAt > ctx.now();
      if (transient && stillValid && minValiditySeconds === undefined) return { row };
      throw err;
    }
  }
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

/** Healthy first, then the most recently linked. */
function best(rows: AccountRow[]): AccountRow | undefined {
  const rank = (row: AccountRow) => (row.status === 'active' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt)[0];
}

function shouldRefresh(row: AccountRow, minValiditySeconds: number | undefined, now: number): boolean {
  if (row.expiresAt === null) return false;
  const remaining = row.expiresAt - now;
  const lifetime = row.expiresAt - row.obtainedAt;
  const nearExpiry = remaining < Math.min(DEFAULT_MIN_VALIDITY_SECONDS * 1000, lifetime / 2);
  if (minValiditySeconds === undefined) return nearExpiry;
  if (remaining >= minValiditySeconds * 1000) return false;
  // Decided from the row, so every process holds back the same forced refreshes.
  const refreshedRecently =
    row.lastRefreshedAt !== null && now - row.lastRefreshedAt < FORCED_REFRESH_INTERVAL_SECONDS * 1000;
  return nearExpiry || remaining <= 0 || !refreshedRecently;
}
