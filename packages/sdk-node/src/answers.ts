import { VaultClientError, type VaultClientErrorCode } from './errors.js';
import { type VaultAnswer, type VaultRequest, vaultErrorBody } from './http.js';

/**
 * The one table from the vault's error codes to what the SDK throws. Codes missing here are Results on the routes
 * that produce them (needs_reauth, missing_scopes, provider_unavailable, not_found on reads) or unexpected.
 */
const THROWN: Readonly<Record<string, VaultClientErrorCode>> = {
  invalid_request: 'invalid_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  provider_error: 'provider_error',
  internal: 'server_error',
  decryption_failed: 'server_error',
};

/** The error to throw for an answer the route does not turn into data or a Result. */
export function answerError(answer: VaultAnswer, request: VaultRequest): VaultClientError {
  const what = `${request.method} ${request.path}`;
  const body = vaultErrorBody(answer.body);
  const details = { status: answer.status, ...(body?.requestId !== undefined && { requestId: body.requestId }) };
  // Own keys only: an answer saying `"error": "constructor"` is a code this SDK does not know, not Object.
  const code: VaultClientErrorCode =
    (body && Object.hasOwn(THROWN, body.error) ? THROWN[body.error] : undefined) ??
    (answer.status >= 500 ? 'server_error' : 'invalid_response');
  const said = body ? `${body.error}: ${body.message ?? 'no message'}` : 'no vault error body';
  return new VaultClientError(code, `${what} answered ${answer.status} (${said})`, details);
}

/** The vault's error code, message and request id, when the answer is one of its error bodies. */
export function vaultError(answer: VaultAnswer) {
  const body = vaultErrorBody(answer.body);
  if (!body) return undefined;
  return {
    error: body.error,
    message: body.message ?? body.error,
    ...(typeof body.requestId === 'string' && { requestId: body.requestId }),
  };
}
