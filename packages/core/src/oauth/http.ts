import * as oauth from 'oauth4webapi';
import { VaultError } from '../errors.js';
import { isLoopback, type ProviderSpec } from '../providers/provider-spec.js';
import { guardedFetch } from './guarded-fetch.js';
import { tokenEndpointFetch } from './token-response.js';

/** How the vault reaches providers; tests point it at real local servers. */
export interface ProviderHttp {
  fetch: typeof fetch;
  /** Per-request timeout for every provider call. */
  timeoutMs: number;
}

/** The vault's one way out: global fetch (or the given one) behind the redirect and size guard, 10 s by default. */
export function providerHttp(options: Partial<ProviderHttp> = {}): ProviderHttp {
  const base = options.fetch ?? ((input, init) => fetch(input, init));
  return { fetch: guardedFetch(base), timeoutMs: options.timeoutMs ?? 10_000 };
}

/** oauth4webapi request options: our fetch, a timeout, and plain http only towards loopback hosts. */
export function requestOptions(http: ProviderHttp, endpoint: string | undefined) {
  return {
    [oauth.customFetch]: http.fetch,
    [oauth.allowInsecureRequests]: endpoint !== undefined && isLoopbackHttp(endpoint),
    signal: () => AbortSignal.timeout(http.timeoutMs),
  };
}

/**
 * The same for token-endpoint calls: sent as JSON for providers that read only JSON (`tokenRequestFormat`), and
 * their answers first made standard (token-response.ts).
 */
export function tokenRequestOptions(http: ProviderHttp, spec: ProviderSpec, endpoint: string | undefined) {
  const out = spec.tokenRequestFormat === 'json' ? jsonBodies(http.fetch) : http.fetch;
  return { ...requestOptions(http, endpoint), [oauth.customFetch]: tokenEndpointFetch(spec, out) };
}

/** RFC 6749 token requests are forms; this sends the same parameters as one JSON object instead. */
function jsonBodies(providerFetch: typeof fetch): typeof fetch {
  return (input, init) => {
    const body = init?.body;
    const form = body instanceof URLSearchParams ? body : typeof body === 'string' ? new URLSearchParams(body) : null;
    if (!form) return providerFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('content-type', 'application/json');
    return providerFetch(input, { ...init, headers, body: JSON.stringify(Object.fromEntries(form)) });
  };
}

function isLoopbackHttp(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && isLoopback(url.hostname);
}

/**
 * 5xx and 429 answers are transient whatever their body says: the credential is kept and the caller may retry.
 * Checked before oauth4webapi parses the body, so an HTML error page is classified too.
 */
export function throwIfTransient(response: Response, during: string): void {
  if (response.status < 500 && response.status !== 429) return;
  throw new VaultError('provider_unavailable', `provider answered HTTP ${response.status} during ${during}`, {
    retryAfter: retryAfterSeconds(response.headers.get('retry-after')) ?? (response.status === 429 ? 60 : 5),
  });
}

/** RFC 9110 §10.2.3: either delay-seconds or an HTTP date. */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Maps what a provider call threw to a vault error; protocol errors are decided by the caller. */
export function transportFailure(err: unknown, during: string): VaultError {
  const own = vaultErrorIn(err);
  if (own) return own;
  if (err instanceof oauth.ResponseBodyError) {
    return new VaultError('provider_error', `provider rejected ${during}: ${err.error}`, { cause: err });
  }
  if (isNetworkError(err)) {
    return new VaultError('provider_unavailable', `provider unreachable during ${during}`, {
      retryAfter: 5,
      cause: err,
    });
  }
  return new VaultError('provider_error', `provider answered ${during} with something unusable`, { cause: err });
}

/** Our own error, thrown while the client library read a body (the size guard), arrives as its `cause`. */
function vaultErrorIn(err: unknown): VaultError | undefined {
  for (let at = err, depth = 0; at !== undefined && at !== null && depth < 5; depth++) {
    if (at instanceof VaultError) return at;
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

function isNetworkError(err: unknown): boolean {
  // fetch rejects with TypeError on network failure and with a DOMException when the timeout aborts it.
  return err instanceof TypeError || (err instanceof DOMException && /Timeout|Abort/.test(err.name));
}
