/** Every failure the vault reports has one of these codes; callers `switch (err.code)`. */
export type ErrorCode =
  | 'invalid_request' // malformed input from the caller
  | 'unauthorized' // no or bad credentials (service JWT, session)
  | 'forbidden' // authenticated but not allowed
  | 'not_found' // unknown environment, provider, user, account, client or key
  | 'conflict' // a concurrent write won
  | 'invalid_state' // a connect callback whose state/nonce is missing, forged, replayed or expired
  | 'access_denied' // the provider or the user refused the authorization request
  | 'needs_reauth' // the provider no longer honours the grant; the user must connect again
  | 'missing_scopes' // the account lacks scopes the caller asked for
  | 'provider_unavailable' // transient provider failure (5xx, 429, timeout, network); credential kept
  | 'provider_error' // the provider answered something we cannot use (bad response, misconfiguration)
  | 'decryption_failed' // a ciphertext did not authenticate: wrong key, moved or altered
  | 'rate_limited' // this client sent too many requests to a public route; retry after `retryAfter`
  | 'payload_too_large' // the request body is larger than any route accepts
  | 'internal'; // a bug

export interface VaultErrorDetails {
  missingScopes?: string[];
  retryAfter?: number;
  cause?: unknown;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly code: ErrorCode;
  readonly missingScopes?: string[];
  /** Seconds after which a transient failure is worth retrying. */
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, details: VaultErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.missingScopes) this.missingScopes = details.missingScopes;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

export function isVaultError(err: unknown, code?: ErrorCode): err is VaultError {
  return err instanceof VaultError && (code === undefined || err.code === code);
}

/** A caller's value as an error message quotes it: at most 40 characters, so an answer stays short. */
export function quoted(value: string): string {
  return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
}
