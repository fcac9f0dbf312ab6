import { VaultError } from '@tokenvault/core';

/** Exact-origin allowlist for `origin` and `redirectUrl` (no open redirects, RFC 9700 §4.11). */
export function createOriginCheck(appOrigins: readonly string[]) {
  const allowed = new Set(appOrigins.map((origin) => new URL(origin).origin));
  const parse = (value: string | undefined, what: string) => {
    if (!value) throw new VaultError('invalid_request', `missing ${what}`);
    try {
      return new URL(value);
    } catch (cause) {
      throw new VaultError('invalid_request', `${what} is not a URL`, { cause });
    }
  };
  const onAllowedOrigin = (url: URL, what: string) => {
    if (!allowed.has(url.origin))
      throw new VaultError('forbidden', `${what} ${url.origin} is not an allowed app origin`);
    return url;
  };
  return {
    isAllowed: (origin: string | undefined) => origin !== undefined && allowed.has(origin),
    /** The origin of `value`, which must be an allowed app origin. */
    require: (value: string | undefined, what: string): string => onAllowedOrigin(parse(value, what), what).origin,
    /**
     * `value` as the URL parser writes it, on an allowed app origin: control characters are dropped or escaped,
     * so what is compared is what a Location header later carries.
     */
    requireUrl: (value: string | undefined, what: string): string => onAllowedOrigin(parse(value, what), what).href,
  };
}

export type OriginCheck = ReturnType<typeof createOriginCheck>;
