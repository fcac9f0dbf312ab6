import { Readable } from 'node:stream';
import type { ApiSpec, Upstream, UpstreamAnswer } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import ipaddr from 'ipaddr.js';
import { Agent, request } from 'undici';
import { guardedLookup, isPublicAddress, PRIVATE_ADDRESS, privateAddressError } from './address-guard.js';

/** Connections kept per provider API origin. */
const CONNECTIONS_PER_ORIGIN = 256;

/** Statuses whose answers have no body (RFC 9110 §6.4.1). */
const NO_BODY = new Set([204, 205, 304]);

/**
 * Calls provider APIs with undici: one connection pool per provider (its timeouts and address rule), bodies
 * streamed both ways with backpressure, redirects never followed (undici's `request` does not follow them).
 */
export function undiciUpstream(): Upstream & { close(): Promise<void> } {
  // One per provider spec: their number is fixed by the configuration, never by callers.
  const agents = new Map<ApiSpec, Agent>();
  const agentFor = (api: ApiSpec) => {
    let agent = agents.get(api);
    if (!agent) {
      agent = new Agent({
        connect: { timeout: api.timeouts.connectMs, lookup: guardedLookup(api.allowPrivateNetworks) },
        headersTimeout: api.timeouts.headersMs,
        bodyTimeout: api.timeouts.idleMs,
        connections: CONNECTIONS_PER_ORIGIN,
      });
      agents.set(api, agent);
    }
    return agent;
  };

  const upstream = async ({ url, method, headers, body, signal, api }: Parameters<Upstream>[0]) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An address literal is connected to without a lookup, so it is checked here.
    if (ipaddr.isValid(host) && !api.allowPrivateNetworks && !isPublicAddress(host)) throw privateAddressError(host);
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(url, {
        method,
        headers: flat(headers),
        body:
          body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream) : body,
        signal,
        dispatcher: agentFor(api),
      });
    } catch (err) {
      throw transportError(err, url.host);
    }
    return {
      status: answer.statusCode,
      headers: toHeaders(answer.headers),
      body:
        method === 'HEAD' || NO_BODY.has(answer.statusCode) ? drained(answer.body) : webStream(answer.body, url.host),
    } satisfies UpstreamAnswer;
  };
  return Object.assign(upstream, {
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
    },
  });
}

function flat(headers: Headers): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) out.push(name, value);
  return out;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function drained(body: Readable & { dump?: () => Promise<void> }): null {
  body.dump?.().catch(() => {});
  return null;
}

/** The answer's body as a web stream that reads one chunk per pull: the provider is read only as fast as the caller. */
function webStream(body: Readable, host: string): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (err) {
          controller.error(transportError(err, host));
        }
      },
      cancel() {
        body.on('error', () => {}); // the caller went away: the abort is expected, not a failure to report
        body.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Why the provider could not be reached, in words that name no token (a query-string token stays out). */
function transportError(err: unknown, host: string): VaultError {
  if (err instanceof VaultError) return err;
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (code === PRIVATE_ADDRESS) return privateAddressError(host);
  if ((err as Error).name === 'AbortError') return new VaultError('invalid_request', 'the caller went away');
  const why =
    code === 'UND_ERR_CONNECT_TIMEOUT'
      ? 'did not accept a connection in time'
      : code === 'UND_ERR_HEADERS_TIMEOUT'
        ? 'did not answer in time'
        : code === 'UND_ERR_BODY_TIMEOUT'
          ? 'stopped sending its answer'
          : `could not be reached (${code ?? 'network error'})`;
  return new VaultError('provider_unavailable', `${host} ${why}`, { retryAfter: 1 });
}
