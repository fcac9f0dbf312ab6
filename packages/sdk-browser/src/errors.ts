/** Every failure the SDK reports has one of these codes; callers `switch (err.code)`. */
export type VaultAuthErrorCode =
  | 'popup_blocked' // window.open returned null: the browser blocked it (call from a click, or use instantPopup)
  | 'popup_closed' // the popup closed before it answered
  | 'rejected' // the user refused: the app's "Log in?" dialog, the consent screen, or scopes left unticked
  | 'login_failed' // the login ended with an error other than a refusal (expired flow, provider misconfigured, …)
  | 'provider_unavailable' // the provider is down for now; a new login would not help, retry after `retryAfter`
  | 'refresh_failed' // /refresh answered something other than a token, a 401 or a 503 (network, 5xx, bad body)
  | 'logout_failed' // /logout did not answer 200
  | 'connect_session_failed' // the vault refused a connect-session token (used, expired, forged)
  | 'no_session' // /v1/me answered 401: this browser has no vault session (redeem a connect session or log in first)
  | 'request_failed'; // /v1/me was unreachable or answered what it never should (400, 5xx other than 503, a bad body)

export interface VaultAuthErrorDetails {
  cause?: unknown;
  retryAfter?: number;
}

/** The one error class of the SDK; the subclasses only name the cases apps usually catch by type. */
export class VaultAuthError extends Error {
  override name = 'VaultAuthError';
  readonly code: VaultAuthErrorCode;
  /** Seconds after which a `provider_unavailable` failure is worth retrying. */
  readonly retryAfter?: number;

  constructor(code: VaultAuthErrorCode, message: string, details: VaultAuthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }
}

export class PopupBlockedError extends VaultAuthError {
  override name = 'PopupBlockedError';
  constructor(message = 'the browser blocked the login popup; open it from a click handler') {
    super('popup_blocked', message);
  }
}

export class PopupClosedError extends VaultAuthError {
  override name = 'PopupClosedError';
  constructor(message = 'the popup was closed before signing in') {
    super('popup_closed', message);
  }
}

export class RejectedError extends VaultAuthError {
  override name = 'RejectedError';
  constructor(message = 'login rejected by the user', details: VaultAuthErrorDetails = {}) {
    super('rejected', message, details);
  }
}
