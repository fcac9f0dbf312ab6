import { type ErrorCode, VaultError } from '@tokenvault/core';
import type { Logger } from './logger.js';

/** The one table from error code to HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 403,
  access_denied: 403,
  needs_reauth: 409,
  missing_scopes: 403,
  provider_unavailable: 503,
  provider_error: 502,
  decryption_failed: 500,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

/** Codes whose message could reveal internals; callers see a generic message and the request id. */
const HIDDEN: ReadonlySet<ErrorCode> = new Set(['internal', 'decryption_failed']);

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  missingScopes?: string[];
  retryAfter?: number;
  requestId?: string;
}

/** A failed request's answer, written once for every route: its status and body, and a log line for a 5xx. */
export function errorAnswer(caught: unknown, requestId: string | undefined, logger: Logger | undefined) {
  const err = toVaultError(caught);
  const status = errorStatus(err);
  if (status >= 500) logger?.error({ requestId, errorCode: err.code, cause: describeCause(err.cause) }, err.message);
  return { status, body: errorBody(err, requestId), retryAfter: err.retryAfter };
}

export function toVaultError(err: unknown): VaultError {
  return err instanceof VaultError ? err : new VaultError('internal', 'unexpected error', { cause: err });
}

export function errorStatus(err: VaultError): number {
  return STATUS[err.code];
}

export function errorBody(err: VaultError, requestId?: string): ErrorBody {
  return {
    error: err.code,
    message: HIDDEN.has(err.code) ? 'internal error; the request id identifies it in the logs' : err.message,
    ...(err.missingScopes && { missingScopes: err.missingScopes }),
    ...(err.retryAfter !== undefined && { retryAfter: err.retryAfter }),
    ...(requestId && { requestId }),
  };
}

/**
 * A cause's name and message, and its own causes' (fetch's "fetch failed" says nothing without the
 * "getaddrinfo ENOTFOUND" below it): response bodies and stack frames stay out of the logs.
 */
export function describeCause(cause: unknown): string | undefined {
  const parts: string[] = [];
  for (let at = cause, depth = 0; at instanceof Error && depth < 5; depth++) {
    parts.push(`${at.name}: ${at.message}`);
    at = at.cause;
  }
  return parts.length === 0 ? undefined : parts.join(' <- ');
}
