/**
 * Headers as the proxy passes them along: lowercase names, a repeated header's values joined with ", " (RFC 9110
 * §5.3; `Set-Cookie`, the one header that cannot be joined, is never passed on). A plain object, not `Headers`:
 * building and iterating `Headers` (validation, sorting) cost a proxied call more than its routing.
 */
export type HeaderRecord = Record<string, string>;

/** An empty record. A plain object (fast properties); `__proto__`, which would set its prototype, is never added. */
export function headerRecord(): HeaderRecord {
  return {};
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and their common non-standard kin: they describe one connection only. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The caller's credentials and identity for the vault, which the provider must never see. */
const CALLER_ONLY = new Set(['authorization', 'cookie', 'host', 'forwarded']);

/** Names a `Connection` header lists are hop-by-hop too; none when it lists nothing but `keep-alive`/`close`. */
function connectionListed(headers: HeaderRecord): Set<string> | undefined {
  const connection = headers.connection;
  if (connection === undefined || /^\s*(keep-alive|close)\s*$/i.test(connection)) return undefined;
  return new Set(
    connection
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * What of the caller's request goes to the provider: everything but hop-by-hop headers, the caller's
 * `Authorization`, `Cookie`, `Host`, `X-Forwarded-*`/`Forwarded` and the vault's own `Tokenvault-*` controls.
 */
export function forwardedRequestHeaders(incoming: Readonly<HeaderRecord>): HeaderRecord {
  const listed = connectionListed(incoming);
  const out = headerRecord();
  for (const name in incoming) {
    if (HOP_BY_HOP.has(name) || CALLER_ONLY.has(name) || listed?.has(name) || name === '__proto__') continue;
    if (name.startsWith('x-forwarded-') || name.startsWith('tokenvault-')) continue;
    out[name] = incoming[name] as string;
  }
  return out;
}

/** What of the provider's answer goes back: everything but hop-by-hop headers and `Set-Cookie`. */
export function forwardedResponseHeaders(incoming: Readonly<HeaderRecord>): HeaderRecord {
  const listed = connectionListed(incoming);
  const out = headerRecord();
  for (const name in incoming) {
    if (HOP_BY_HOP.has(name) || listed?.has(name) || name === 'set-cookie' || name === 'set-cookie2') continue;
    if (name === '__proto__') continue;
    out[name] = incoming[name] as string;
  }
  return out;
}
