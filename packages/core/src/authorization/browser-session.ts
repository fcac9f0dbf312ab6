import type { AccessToken, AccessTokenRequest, AccessTokens } from '../accounts/access-tokens.js';
import { openToken } from '../accounts/accounts.js';
import type { AccountStore } from '../store.js';
import type { VaultContext } from '../vault-context.js';
import type { Caller } from './grants.js';

/** Backstage's ProfileInfo. */
export interface BrowserProfile {
  displayName?: string;
  email?: string;
  picture?: string;
}

export interface BrowserSession extends AccessToken {
  idToken?: string;
  profile: BrowserProfile;
  /** What the token has left by the vault's clock; undefined if it does not expire. */
  expiresInSeconds?: number;
}

/**
 * What the browser protocol's `/refresh` answers (docs/api.md): the account's access token, read like any other
 * (authorized, refreshed when near expiry, audited), with the account's ID token and profile.
 */
export async function browserSession(
  ctx: VaultContext<AccountStore>,
  tokens: AccessTokens,
  request: AccessTokenRequest,
  caller: Caller,
): Promise<BrowserSession> {
  // The row the token came from: after a refresh, the one that refresh wrote, with its new ID token.
  const { token, row } = await tokens.read(request, caller);
  return {
    ...token,
    ...(row.idToken && { idToken: await openToken(ctx, row.id, 'id_token', row.idToken) }),
    ...(token.expiresAt !== null && {
      expiresInSeconds: Math.max(0, Math.floor((token.expiresAt - ctx.now()) / 1000)),
    }),
    profile: {
      ...(row.displayName && { displayName: row.displayName }),
      ...(row.email && { email: row.email }),
      ...(row.picture && { picture: row.picture }),
    },
  };
}
