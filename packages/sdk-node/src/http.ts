import { VaultClientError } from './errors.js';

export interface HttpOptions {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
  /** The bearer JWT for the next request. */
  token: () => Promise<string>;
}

export interface VaultRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Already percent-encoded, starting with `/v1/`. */
  path: string;
  body?: unknown;
  /** Only reads that change nothing may be sent again; a write that timed out may have happened. */
  idempotent: boolean;
}

/** Whatever the vault (or a proxy in front of it) answered. */
export interface VaultAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: unknown;
}

const USER_AGENT = 'tokenvault-sdk-node/0.2.0';

/** Sends requests to the vault, retrying idempotent ones on transport failures and gateway errors. */
export function createHttp(options: HttpOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function attempt(request: VaultRequest, jwt: string): Promise<VaultAnswer> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${jwt}`,
      accept: 'application/json',
      'user-agent': USER_AGENT,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    // The timeout covers the body too: fetch aborts the stream when the signal fires.
    const response = await options.fetch(`${base}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseJson(text) };
  }

  return {
    /**
     * A proxied call (docs/proxy.md): the caller's request as given with the service JWT added, and the vault's
     * answer as a standard Response, body unread. Never retried here: the vault retries what may be retried.
     */
    async passThrough(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await options.token()}`);
      if (!headers.has('user-agent')) headers.set('user-agent', USER_AGENT);
      const streamed = init.body instanceof ReadableStream;
      try {
        return await options.fetch(`${base}${path}`, { ...init, headers, ...(streamed && { duplex: 'half' }) });
      } catch (err) {
        throw transportError(err, { method: 'GET', path, idempotent: false }, options.timeoutMs);
      }
    },
    async send(request: VaultRequest): Promise<VaultAnswer> {
      const attempts = request.idempotent ? options.retries + 1 : 1;
      for (let n = 1; ; n++) {
        const jwt = await options.token(); // outside the try: a signing failure is no transport failure
        try {
          const answer = await attempt(request, jwt);
          if (n < attempts && isGatewayFailure(answer)) {
            await backoff(options.retryDelayMs, n);
            continue;
          }
          return answer;
        } catch (err) {
          if (n < attempts) {
            await backoff(options.retryDelayMs, n);
            continue;
          }
          throw transportError(err, request, options.timeoutMs);
        }
      }
    },
  };
}

export type Http = ReturnType<typeof createHttp>;

/** The vault's own error bodies are `{error, message, requestId}`. */
export function vaultErrorBody(body: unknown): { error: string; message?: string; requestId?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'string' ? (body as { error: string }) : undefined;
}

/**
 * A 5xx that did not come with the vault's JSON error body is a proxy or a crash, worth one more try. The vault's
 * own 5xx answers are decisions (`provider_unavailable` is the caller's to retry, with `retryAfter`).
 */
function isGatewayFailure(answer: VaultAnswer): boolean {
  return [500, 502, 503, 504].includes(answer.status) && vaultErrorBody(answer.body) === undefined;
}

function transportError(err: unknown, request: VaultRequest, timeoutMs: number): VaultClientError {
  const what = `${request.method} ${request.path}`;
  if (err instanceof Error && err.name === 'TimeoutError') {
    return new VaultClientError('timeout', `${what}: no answer within ${timeoutMs} ms`, { cause: err });
  }
  const code = (err as { cause?: { code?: unknown } })?.cause?.code;
  const reason = typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
  return new VaultClientError('network', `${what}: the vault could not be reached (${reason})`, { cause: err });
}

function backoff(baseMs: number, retry: number): Promise<void> {
  const ms = baseMs * 2 ** (retry - 1) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // callers decide what a non-JSON answer means for their status
  }
}
