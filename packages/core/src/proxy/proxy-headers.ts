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
const CALLER_ONLY = new Set(['authorization', 'cookie', 'host']);

/** Names a `Connection` header lists are hop-by-hop too. */
function connectionListed(headers: Headers): Set<string> {
  return new Set(
    (headers.get('connection') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * What of the caller's request goes to the provider: everything but hop-by-hop headers, the caller's
 * `Authorization`, `Cookie`, `Host`, `X-Forwarded-*`/`Forwarded` and the vault's own `Tokenvault-*` controls.
 */
export function forwardedRequestHeaders(incoming: Headers): Headers {
  const listed = connectionListed(incoming);
  const out = new Headers();
  for (const [name, value] of incoming) {
    if (HOP_BY_HOP.has(name) || CALLER_ONLY.has(name) || listed.has(name)) continue;
    if (name.startsWith('x-forwarded-') || name === 'forwarded' || name.startsWith('tokenvault-')) continue;
    out.append(name, value);
  }
  return out;
}

/** What of the provider's answer goes back: everything but hop-by-hop headers and `Set-Cookie`. */
export function forwardedResponseHeaders(incoming: Headers): Headers {
  const listed = connectionListed(incoming);
  const out = new Headers();
  for (const [name, value] of incoming) {
    if (HOP_BY_HOP.has(name) || listed.has(name) || name === 'set-cookie' || name === 'set-cookie2') continue;
    out.append(name, value);
  }
  return out;
}
