/** Every failure the SDK throws has one of these codes; callers `switch (err.code)`. */
export type VaultClientErrorCode =
  | 'invalid_access_key' // the access key is not `clientId.keyId.environmentId.<base64 PKCS#8 Ed25519 key>`
  | 'invalid_argument' // an SDK call was given something it cannot send (empty user id, bad base URL, …)
  | 'invalid_request' // the vault refused the request as malformed (400)
  | 'unauthorized' // the vault refused the JWT (401): revoked or expired key, wrong environment, clock skew
  | 'forbidden' // the client has no grant for this (403)
  | 'not_found' // the vault knows no such thing, outside the token reads (e.g. an unknown provider)
  | 'provider_error' // the provider rejects the vault's own client (502 from the vault): fix the vault's config
  | 'server_error' // the vault or a proxy failed (5xx), after the retries reads get
  | 'timeout' // no answer within the per-request timeout, after the retries reads get
  | 'network' // connection refused, reset or dropped, after the retries reads get
  | 'invalid_response' // an answer the SDK does not understand (not JSON, missing fields, unexpected status)
  | 'invalid_webhook'; // a webhook whose headers, timestamp, signature or body do not check out

export interface VaultClientErrorDetails {
  cause?: unknown;
  /** The HTTP status, when the vault (or a proxy) answered. */
  status?: number;
  /** The vault's `requestId`, to find the request in its logs and audit trail. */
  requestId?: string;
}

/** The one error class of the SDK. Outcomes a caller must handle (needs_reauth, …) are Results, not throws. */
export class VaultClientError extends Error {
  override readonly name = 'VaultClientError';
  readonly code: VaultClientErrorCode;
  readonly status?: number;
  readonly requestId?: string;

  constructor(code: VaultClientErrorCode, message: string, details: VaultClientErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

export function isVaultClientError(err: unknown, code?: VaultClientErrorCode): err is VaultClientError {
  return err instanceof VaultClientError && (code === undefined || err.code === code);
}
