import { valueAt } from '../own.js';
import type { ProviderSpec } from '../providers/provider-spec.js';

/**
 * Token-endpoint answers as providers really send them, made into what RFC 6749 §5 describes, in this one place,
 * before oauth4webapi reads them:
 * - a form-encoded body (GitHub, unless asked for JSON) becomes JSON;
 * - an `error` sent with HTTP 200 (GitHub, Slack) becomes the same error with 400, and so does Slack's
 *   `{ok: false}` for specs with `errorsWithStatus200`;
 * - tokens nested under `tokenResponse.path` (Slack's user token under `authed_user`) are lifted to the top, beside
 *   the response's other fields (which `metadata` may name);
 * - a token type the client library does not know (Slack's `user`) or none at all becomes `bearer`, which is how
 *   those tokens are sent;
 * - `scope` as a JSON array (Twitch) becomes the space-separated string RFC 6749 §5.1 says; `scope: null` and
 *   `expires_in: 0` ("never expires") are left out, as the RFC's "absent".
 * Transient answers (5xx, 429) pass through untouched: the caller classifies them by status.
 */
export function tokenEndpointFetch(spec: ProviderSpec, providerFetch: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await providerFetch(input, init);
    if (response.status >= 500 || response.status === 429) return response;
    const text = await response.text();
    const body = parseBody(text, response.headers.get('content-type'));
    if (!body) return new Response(text, { status: response.status, headers: response.headers });

    let status = response.status;
    let answer = body;
    const slackFailure = spec.errorsWithStatus200 && body.ok === false;
    if (status === 200 && (typeof body.error === 'string' || slackFailure)) {
      status = 400;
      answer = { ...body, error: typeof body.error === 'string' ? body.error : 'invalid_request' };
    } else if (status === 200 && spec.tokenResponse.path) {
      answer = lift(body, spec.tokenResponse.path);
    }
    if (status === 200 && typeof answer.access_token === 'string') answer = standardFields(answer);
    const headers = new Headers(response.headers);
    headers.set('content-type', 'application/json');
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(answer), { status, headers });
  };
}

function standardFields(answer: Record<string, unknown>): Record<string, unknown> {
  const { scope, expires_in, ...rest } = answer;
  const type = String(answer.token_type ?? '').toLowerCase();
  return {
    ...rest,
    ...(type !== 'bearer' && type !== 'dpop' && { token_type: 'bearer' }),
    ...(Array.isArray(scope) ? { scope: scope.join(' ') } : scope !== null && scope !== undefined && { scope }),
    ...(expires_in !== 0 && expires_in !== '0' && expires_in !== undefined && { expires_in }),
  };
}

function parseBody(text: string, contentType: string | null): Record<string, unknown> | undefined {
  if (/application\/x-www-form-urlencoded|text\/plain/i.test(contentType ?? '') && !text.trimStart().startsWith('{')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The object at `path` merged over the top level, without the branch that held it. */
function lift(body: Record<string, unknown>, path: string): Record<string, unknown> {
  const nested = valueAt(body, path);
  if (typeof nested !== 'object' || nested === null) return body;
  const { [path.split('.')[0] as string]: _branch, ...rest } = body;
  // The top level's own token fields (Slack's bot token) must not leak into the lifted answer.
  const {
    access_token: _a,
    refresh_token: _r,
    token_type: _t,
    expires_in: _e,
    scope: _s,
    id_token: _i,
    ...context
  } = rest;
  return { ...context, ...(nested as Record<string, unknown>) };
}
