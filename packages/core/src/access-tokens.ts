import { openToken, requireAccount, sealToken } from './accounts.js';
import { VaultError } from './errors.js';
import { authorizationServer } from './oauth/authorization-server.js';
import { refreshTokens } from './oauth/refresh.js';
import { missingScopes } from './scopes.js';
import type { AccountRow } from './store.js';
import type { VaultContext } from './vault-context.js';

/** Refresh when less than this remains, or less than half the token's life for short-lived tokens (SPEC §5.3.1). */
export const DEFAULT_MIN_VALIDITY_SECONDS = 300;

export interface AccessTokenRequest {
  env: string;
  userId: string;
  accountId: string;
  /** Every one must be held, or the answer is `missing_scopes`. */
  scopes?: readonly string[];
  /**
   * Refresh first if less than this remains. A value longer than the provider's token lifetime causes one
   * refresh and returns that token: never an error, never a loop.
   */
  minValiditySeconds?: number;
}

export interface AccessToken {
  accessToken: string;
  tokenType: string;
  /** Ms since epoch; null if the token does not expire. */
  expiresAt: number | null;
  scopes: string[];
}

export function createAccessTokens(ctx: VaultContext) {
  // One refresh per account at a time in this process; callers that arrive meanwhile share its result.
  const inFlight = new Map<string, Promise<AccountRow>>();

  function refreshOnce(row: AccountRow): Promise<AccountRow> {
    let pending = inFlight.get(row.id);
    if (!pending) {
      pending = refresh(ctx, row).finally(() => inFlight.delete(row.id));
      inFlight.set(row.id, pending);
    }
    return pending;
  }

  return {
    async get(request: AccessTokenRequest): Promise<AccessToken> {
      let row = await requireAccount(ctx, request.env, request.userId, request.accountId);
      if (row.status === 'needs_reauth' || row.status === 'revoked') {
        throw new VaultError('needs_reauth', 'the account must be connected again');
      }
      const missing = missingScopes(row.scopes, request.scopes ?? []);
      if (missing.length > 0) {
        throw new VaultError('missing_scopes', `the account lacks scopes: ${missing.join(' ')}`, {
          missingScopes: missing,
        });
      }
      if (shouldRefresh(row, request.minValiditySeconds, ctx.now())) {
        if (row.refreshToken) row = await refreshOnce(row);
        else if (row.expiresAt !== null && row.expiresAt <= ctx.now()) {
          throw new VaultError('needs_reauth', 'the access token expired and the provider gave no refresh token');
        }
      }
      return {
        accessToken: await openToken(ctx, row.id, 'access_token', row.accessToken),
        tokenType: row.tokenType,
        expiresAt: row.expiresAt,
        scopes: row.scopes,
      };
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

function shouldRefresh(row: AccountRow, minValiditySeconds: number | undefined, now: number): boolean {
  if (row.expiresAt === null) return false;
  const remaining = row.expiresAt - now;
  if (minValiditySeconds !== undefined) return remaining < minValiditySeconds * 1000;
  const lifetime = row.expiresAt - row.obtainedAt;
  return remaining < Math.min(DEFAULT_MIN_VALIDITY_SECONDS * 1000, lifetime / 2);
}

/** Persists the new token set before anyone sees its access token; a missing refresh token keeps the old one. */
async function refresh(ctx: VaultContext, row: AccountRow): Promise<AccountRow> {
  const provider = ctx.providers.get(row.env, row.provider);
  const refreshToken = await openToken(ctx, row.id, 'refresh_token', row.refreshToken as string);
  const as = await authorizationServer(provider, ctx.http);
  let tokens: Awaited<ReturnType<typeof refreshTokens>>;
  try {
    tokens = await refreshTokens(provider, as, ctx.http, refreshToken, ctx.now());
  } catch (err) {
    if (err instanceof VaultError && err.code === 'needs_reauth') {
      await ctx.store.updateAccount(row.id, row.version, {
        status: 'needs_reauth',
        lastError: err.message,
        updatedAt: ctx.now(),
      });
    }
    throw err;
  }
  const change = {
    accessToken: await sealToken(ctx, row.id, 'access_token', tokens.accessToken),
    refreshToken: tokens.refreshToken
      ? await sealToken(ctx, row.id, 'refresh_token', tokens.refreshToken)
      : row.refreshToken,
    idToken: tokens.idToken ? await sealToken(ctx, row.id, 'id_token', tokens.idToken) : row.idToken,
    scopes: tokens.scopes ?? row.scopes,
    tokenType: tokens.tokenType,
    obtainedAt: tokens.obtainedAt,
    expiresAt: tokens.expiresAt,
    status: 'active' as const,
    lastError: null,
    updatedAt: ctx.now(),
  };
  if (await ctx.store.updateAccount(row.id, row.version, change)) {
    return { ...row, ...change, version: row.version + 1 };
  }
  // Another writer committed first (a re-link, or another process until cross-process locking lands):
  // its credential is newer than ours, so serve that one rather than overwrite it.
  return requireAccount(ctx, row.env, row.userId, row.id);
}
