import { answerError, vaultError } from './answers.js';
import type { VaultAnswer, VaultRequest } from './http.js';
import { fail, ok } from './result.js';
import type { AccessTokenError, AccessTokenResult, NotConnected } from './types.js';
import { toAccessToken } from './wire.js';

/** A token read's answer as a Result; throws for what the caller cannot handle but by fixing code or config. */
export function accessTokenResult(answer: VaultAnswer, request: VaultRequest): AccessTokenResult {
  if (answer.status === 200) return ok(toAccessToken(answer.body));
  const said = vaultError(answer);
  const body = (answer.body ?? {}) as { missingScopes?: unknown; retryAfter?: unknown };
  const common = { message: said?.message ?? '', ...(said?.requestId && { requestId: said.requestId }) };
  switch (said?.error) {
    case 'needs_reauth':
      return fail<AccessTokenError>({ code: 'needs_reauth', ...common });
    case 'missing_scopes':
      return fail<AccessTokenError>({
        code: 'missing_scopes',
        ...common,
        missingScopes: Array.isArray(body.missingScopes) ? body.missingScopes.filter(isString) : [],
      });
    case 'provider_unavailable': {
      const retryAfter = typeof body.retryAfter === 'number' ? body.retryAfter : retryAfterHeader(answer.headers);
      return fail<AccessTokenError>({
        code: 'provider_unavailable',
        ...common,
        ...(retryAfter !== undefined && { retryAfter }),
      });
    }
    case 'not_found':
      if (answer.status === 404) return notConnected(common.message, common.requestId);
  }
  throw answerError(answer, request);
}

/** A 404 of a route naming one account: it is not (or no longer) connected. */
export function notConnectedAnswer(answer: VaultAnswer): NotConnected | undefined {
  const said = vaultError(answer);
  if (answer.status !== 404 || said?.error !== 'not_found') return undefined;
  return { code: 'not_connected', message: said.message, ...(said.requestId && { requestId: said.requestId }) };
}

export function notConnected(message: string, requestId?: string) {
  return fail({ code: 'not_connected' as const, message, ...(requestId && { requestId }) });
}

function retryAfterHeader(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
