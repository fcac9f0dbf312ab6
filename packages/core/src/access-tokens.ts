import { openToken, requireAccount } from './accounts.js';
import { isVaultError, VaultError } from './errors.js';
import type { RefreshEngine } from './refresh-engine.js';
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

export function createAccessTokens(ctx: VaultContext, engine: RefreshEngine) {
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
        if (row.refreshToken) row = await refreshOrKeep(row, request.minValiditySeconds);
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

  /**
   * When the provider is down but the stored token has not expired yet, a caller that did not ask for a minimum
   * validity gets that token rather than an error; one that did gets `provider_unavailable`.
   */
  async function refreshOrKeep(row: AccountRow, minValiditySeconds: number | undefined): Promise<AccountRow> {
    try {
      return await engine.refresh(row);
    } catch (err) {
      const transient = isVaultError(err, 'provider_unavailable') || isVaultError(err, 'provider_error');
      const stillValid = row.expiresAt !== null && row.expiresAt > ctx.now();
      if (transient && stillValid && minValiditySeconds === undefined) return row;
      throw err;
    }
  }
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;

function shouldRefresh(row: AccountRow, minValiditySeconds: number | undefined, now: number): boolean {
  if (row.expiresAt === null) return false;
  const remaining = row.expiresAt - now;
  if (minValiditySeconds !== undefined) return remaining < minValiditySeconds * 1000;
  const lifetime = row.expiresAt - row.obtainedAt;
  return remaining < Math.min(DEFAULT_MIN_VALIDITY_SECONDS * 1000, lifetime / 2);
}
