import { Readable } from 'node:stream';
import type { ApiSpec, Upstream, UpstreamAnswer } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import ipaddr from 'ipaddr.js';
import type { Dispatcher } from 'undici';
import { guardedLookup, isPublicAddress, PRIVATE_ADDRESS, privateAddressError } from './address-guard.js';
import { answerHandler } from './answer-handler.js';

/** How a parsed URL's hostname looks when it is an address rather than a name. */
const ADDRESS_LITERAL = /^(?:\[.*\]|\d+\.\d+\.\d+\.\d+)$/;

/** Connections kept per provider API origin. */
const CONNECTIONS_PER_ORIGIN = 256;

/**
 * Calls provider APIs with undici: one connection pool per provider (its timeouts and address rule), bodies
 * streamed both ways with backpressure (answer-handler.ts), redirects never followed (a plain dispatch follows none).
 */
export function undiciUpstream(): Upstream & { close(): Promise<void> } {
  // One per provider spec: their number is fixed by the configuration, never by callers.
  const agents = new Map<ApiSpec, Dispatcher>();
  const createAgent = async (api: ApiSpec) => {
    // undici is loaded with the first proxied call: a vault that proxies nothing does not hold it in memory.
    // undici is CommonJS: its default export is the module itself, loaded by Node or from the CLI's bundle alike.
    const { Agent } = (await import('undici')).default;
    let agent = agents.get(api); // another call may have made it while undici loaded
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
    // An address literal is connected to without a lookup, so it is checked here. A parsed URL's host is a
    // dotted IPv4 address (every other IPv4 form is rewritten to it), a bracketed IPv6 address or a name.
    if (!api.allowPrivateNetworks && ADDRESS_LITERAL.test(url.hostname)) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!ipaddr.isValid(host) || !isPublicAddress(host)) throw privateAddressError(host);
    }
    const agent = agents.get(api) ?? (await createAgent(api));
    const fail = (err: unknown) =>
      signal.aborted ? new VaultError('invalid_request', 'the caller went away') : transportError(err, url.host);
    return new Promise<UpstreamAnswer>((resolve, reject) => {
      const handler = answerHandler(method, signal, fail, { resolve, reject });
      const options: Dispatcher.DispatchOptions = {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body:
          body instanceof ReadableStream ? Readable.fromWeb(body as import('node:stream/web').ReadableStream) : body,
      };
      agent.dispatch(options, handler);
    });
  };
  return Object.assign(upstream, {
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
    },
  });
}

/** Why the provider could not be reached, in words that name no token (a query-string token stays out). */
function transportError(err: unknown, host: string): VaultError {
  if (err instanceof VaultError) return err;
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (code === PRIVATE_ADDRESS) return privateAddressError(host);
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
