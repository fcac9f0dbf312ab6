import type { Context } from 'hono';

/**
 * Who is asking, for per-client limits. Behind `hops` proxies you run, each proxy appends the address it saw to
 * `X-Forwarded-For`, so the client is the `hops`-th entry from the right; everything left of it was written by
 * the client and is never trusted. A header with fewer entries, or an entry that is not an IP address, falls
 * back to the socket's address.
 */
export function clientAddress(c: Context, hops: number): string {
  if (hops > 0) {
    const entries = (c.req.header('x-forwarded-for') ?? '').split(',');
    const entry = entries.length >= hops ? entries[entries.length - hops]?.trim() : undefined;
    if (entry && isIpAddress(entry)) return entry;
  }
  // @hono/node-server passes the Node request as `incoming`; other runtimes have no socket to read here.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** `trustProxy` as a number of hops: `true` is the one proxy in front, `false` none. */
export function proxyHops(trustProxy: boolean | number): number {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy;
  // A programming error in whoever assembles the server, refused at start rather than trusting the wrong entry.
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_PROXY_HOPS) {
    throw new TypeError(`trustProxy must be true, false or a whole number of proxies from 1 to ${MAX_PROXY_HOPS}`);
  }
  return hops;
}

/** More proxies than this in front of one service is a misconfiguration, not a topology. */
const MAX_PROXY_HOPS = 10;

// Dotted IPv4, or IPv6 text (at most 45 characters, RFC 4291 §2.2 incl. an embedded IPv4): also bounds the key.
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;

function isIpAddress(value: string): boolean {
  return IPV4.test(value) || (IPV6.test(value) && value.includes(':'));
}
