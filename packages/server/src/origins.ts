import { VaultError } from '@tokenvault/core';

/** Exact-origin allowlist for `origin` and `redirectUrl` (no open redirects, RFC 9700 §4.11). */
export function createOriginCheck(appOrigins: readonly string[]) {
  const allowed = new Set(appOrigins.map((origin) => new URL(origin).origin));
  const originOf = (value: string) => {
    try {
      return new URL(value).origin;
    } catch (cause) {
      throw new VaultError('invalid_request', `'${value}' is not a URL`, { cause });
    }
  };
  return {
    isAllowed: (origin: string | undefined) => origin !== undefined && allowed.has(origin),
    /** The origin of `value`, which must be an allowed app origin. */
    require(value: string | undefined, what: string): string {
      if (!value) throw new VaultError('invalid_request', `missing ${what}`);
      const origin = originOf(value);
      if (!allowed.has(origin)) throw new VaultError('forbidden', `${what} ${origin} is not an allowed app origin`);
      return origin;
    },
  };
}

export type OriginCheck = ReturnType<typeof createOriginCheck>;
