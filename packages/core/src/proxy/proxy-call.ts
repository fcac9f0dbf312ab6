import type { AccessTokens } from '../accounts/access-tokens.js';
import { authorizedAccount, openToken } from '../accounts/accounts.js';
import { auditRow } from '../authorization/audit.js';
import {
  authorize,
  authorizeScopes,
  type Caller,
  proxyCaller,
  resources,
  type Segment,
} from '../authorization/grants.js';
import { isVaultError, VaultError } from '../errors.js';
import type { RefreshEngine } from '../refresh/refresh-engine.js';
import type { AccountRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { setApiHeaders } from './api-headers.js';
import type { ApiSpec } from './api-spec.js';
import { countedStream, type HeldBody, holdBody, retryAfterSeconds } from './proxy-body.js';
import { forwardedRequestHeaders, forwardedResponseHeaders, type HeaderRecord } from './proxy-headers.js';
import { accountBaseUrl, targetUrl } from './proxy-target.js';

/**
 * What the proxy needs of the caller's `AbortSignal`: whether the caller went away, and to hear when it does. An
 * `AbortSignal` is one; a server may pass something lighter (a Node route's own, server/src/node-proxy.ts).
 */
export interface CallerSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** One call to a provider's API, as the transport (undici in the server) makes it. It never follows redirects. */
export interface UpstreamRequest {
  url: URL;
  method: string;
  headers: HeaderRecord;
  body: ReadableStream<Uint8Array> | Uint8Array | null;
  signal: CallerSignal;
  /** The provider's timeouts and whether private addresses may be reached. */
  api: ApiSpec;
}

export interface UpstreamAnswer {
  status: number;
  /** Lowercase names, repeated headers joined (proxy-headers.ts). */
  headers: HeaderRecord;
  /** A stream, or the whole body when the transport had it all at once (a small answer that arrived whole). */
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer> | null;
}

/** Throws `provider_unavailable` when the provider cannot be reached in time, `forbidden` for a private address. */
export type Upstream = (request: UpstreamRequest) => Promise<UpstreamAnswer>;

export interface ProxyRequest {
  env: string;
  userId: string;
  /** The account to act as; or `provider`, for the user's best account of it. */
  accountId?: string;
  provider?: string;
  method: string;
  /** The path below the API base URL as the caller sent it (percent-encoded), and the query string. */
  path: string;
  query: string;
  /** The caller's headers: lowercase names, repeated headers joined (proxy-headers.ts). */
  headers: Readonly<HeaderRecord>;
  body: ReadableStream<Uint8Array> | null;
  /** Aborted when the caller goes away: the provider call is aborted with it. */
  signal: CallerSignal;
  /** False when the caller sent `Tokenvault-Retries: 0`: the provider is called once, whatever it answers. */
  retries: boolean;
}

export interface ProxyAnswer extends UpstreamAnswer {
  /** Calls made to the provider (`Tokenvault-Attempts`). */
  attempts: number;
}

/** Methods that only read (RFC 9110 §9.2.1): `proxy:read` suffices for them. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Methods that may be sent twice (RFC 9110 §9.2.2), the only ones retried after 429/502/503/504. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

/** Calls a provider's API as an account, injecting its token; docs/proxy.md describes every rule. */
export function createProxy(ctx: VaultContext, engine: RefreshEngine, tokens: AccessTokens) {
  return async function proxy(request: ProxyRequest, caller: Caller, upstream: Upstream): Promise<ProxyAnswer> {
    const started = performance.now();
    const method = request.method.toUpperCase();
    const methodClass = READ_METHODS.has(method) ? 'read' : 'write';
    const seen: { row?: AccountRow; url?: URL; requestBytes: number } = { requestBytes: 0 };
    const finish = (status: number | string, responseBytes: number) => {
      const provider = seen.row?.provider ?? request.provider ?? null;
      const statusClass = typeof status === 'number' ? `${Math.floor(status / 100)}xx` : 'refused';
      ctx.metrics.proxyRequests.inc({ provider: provider ?? '', method: methodClass, status: statusClass });
      const row = auditRow(caller, ctx.now(), {
        env: request.env,
        action: 'proxy.request',
        result: typeof status === 'number' ? 'ok' : status,
        userId: request.userId,
        provider,
        accountId: seen.row?.id ?? request.accountId ?? null,
        detail: {
          method,
          host: seen.url?.host ?? null,
          path: seen.url?.pathname ?? null,
          status: typeof status === 'number' ? status : null,
          requestBytes: seen.requestBytes,
          responseBytes,
          durationMs: Math.round(performance.now() - started),
        },
      });
      ctx.audit.record(row).catch((err: unknown) => {
        ctx.log.error({ err }, 'writing the audit log failed');
      });
    };
    let answer: ProxyAnswer;
    try {
      answer = await call(
        request,
        method,
        methodClass === 'read' ? 'proxy:read' : 'proxy:write',
        caller,
        upstream,
        seen,
      );
    } catch (err) {
      await request.body?.cancel().catch(() => {});
      finish(isVaultError(err) ? err.code : 'internal', 0);
      throw err;
    }
    if (answer.body instanceof ReadableStream) {
      return { ...answer, body: countedStream(answer.body, (bytes) => finish(answer.status, bytes)) };
    }
    finish(answer.status, answer.body?.byteLength ?? 0);
    return answer;
  };

  async function call(
    request: ProxyRequest,
    method: string,
    action: 'proxy:read' | 'proxy:write',
    caller: Caller,
    upstream: Upstream,
    seen: { row?: AccountRow; url?: URL; requestBytes: number },
  ): Promise<ProxyAnswer> {
    const allowed = proxyCaller(caller);
    let row = await accountFor(request, action, allowed);
    seen.row = row;
    // A session limited to some scopes may not use a token that holds others: the call would act with them.
    authorizeScopes(caller, row.scopes);
    const configured = ctx.providers.get(row.env, row.provider);
    const api = configured.spec.api;
    if (!api) {
      throw new VaultError(
        'invalid_request',
        `provider '${row.provider}' has no API the vault can call (no api in its spec)`,
      );
    }
    const url = targetUrl(
      accountBaseUrl(api, Object.keys(configured.spec.params), row.metadata),
      request.path,
      request.query,
      api,
    );
    seen.url = url;
    const headers = forwardedRequestHeaders(request.headers);
    setApiHeaders(headers, api, row.metadata, configured.secrets ?? {});
    let token = (await tokens.issue(row)).accessToken;
    const held = await holdBody(request.body, api.retry.replayBodyBytes);
    // A call is sent again only when its body can be (held whole) and the caller did not say Tokenvault-Retries: 0.
    const resendable = held.kind !== 'streaming' && request.retries;
    const passOn = (answer: UpstreamAnswer, attempts: number): ProxyAnswer => ({
      status: answer.status,
      headers: forwardedResponseHeaders(answer.headers),
      body: answer.body,
      attempts,
    });
    let refreshed = false;
    for (let attempts = 1; ; attempts++) {
      const answer = await upstream({
        url: withToken(url, headers, api, token),
        method,
        headers,
        body: bodyOf(held, seen),
        signal: request.signal,
        api,
      });
      if (answer.status === 401 && !refreshed) {
        refreshed = true;
        // The token expired or was revoked mid-life: one refresh, shared with every caller and process.
        if (!resendable) {
          await engine.refresh(row).catch((err: unknown) => ctx.log.warn({ err }, 'refresh after a 401 failed'));
          return passOn(answer, attempts);
        }
        await discard(answer.body);
        const fresh = await engine.refresh(row);
        row = fresh.row;
        token = fresh.accessToken ?? (await openToken(ctx, row.id, 'access_token', row.accessToken));
        continue;
      }
      const retried = resendable && IDEMPOTENT.has(method) && RETRIED_STATUSES.has(answer.status);
      if (retried && attempts < api.retry.maxAttempts) {
        const after = retryAfterSeconds(answer.headers['retry-after'] ?? null, Date.now());
        const delay = after ?? 0.25 * 2 ** (attempts - 1) * (0.5 + Math.random());
        if (delay <= api.retry.maxRetryAfterSeconds) {
          await discard(answer.body);
          await pause(delay * 1000, request.signal);
          continue;
        }
      }
      return passOn(answer, attempts);
    }
  }

  /** By account id, or the user's best account of the provider (as token reads pick it). */
  async function accountFor(request: ProxyRequest, action: 'proxy:read' | 'proxy:write', caller: Caller) {
    const resourceOf = (provider: Segment) => resources.proxy(request.env, provider, request.userId);
    if (request.accountId !== undefined) {
      return authorizedAccount(ctx, caller, action, resourceOf, { ...request, accountId: request.accountId });
    }
    const provider = request.provider ?? '';
    authorize(caller, action, resourceOf(provider));
    const row = tokens.best(await ctx.store.listAccounts(request.env, request.userId, provider));
    if (!row) throw new VaultError('not_found', `user '${request.userId}' has no connected ${provider} account`);
    return row;
  }
}

export type Proxy = ReturnType<typeof createProxy>;

/**
 * Puts the token where the provider's API wants it, replacing a caller's own value of that header or parameter:
 * in `headers` (set again on each attempt, so a refreshed token replaces the old one), or in the returned URL.
 */
function withToken(url: URL, headers: HeaderRecord, api: ApiSpec, token: string): URL {
  if (api.auth.type === 'bearer') {
    headers.authorization = `Bearer ${token}`;
    return url;
  }
  if (api.auth.type === 'header') {
    headers[api.auth.name.toLowerCase()] = `${api.auth.prefix}${token}`;
    return url;
  }
  const withQuery = new URL(url);
  withQuery.searchParams.set(api.auth.name, token);
  return withQuery;
}

/** An answer not passed on: a stream is cancelled, so its connection is freed. */
async function discard(body: UpstreamAnswer['body']) {
  if (body instanceof ReadableStream) await body.cancel().catch(() => {});
}

/** The body for one attempt: the held bytes again, or the stream (once; such a call is never replayed). */
function bodyOf(held: HeldBody, seen: { requestBytes: number }) {
  if (held.kind === 'none') return null;
  if (held.kind === 'buffered') {
    seen.requestBytes = held.bytes.byteLength;
    return held.bytes;
  }
  seen.requestBytes = 0;
  return countedStream(held.stream, (bytes) => {
    seen.requestBytes = bytes;
  });
}

function pause(ms: number, signal: CallerSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new VaultError('invalid_request', 'the caller went away'));
    const timer = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', done);
      clearTimeout(timer);
      if (signal.aborted) reject(new VaultError('invalid_request', 'the caller went away'));
      else resolve();
    }
    signal.addEventListener('abort', done);
  });
}
