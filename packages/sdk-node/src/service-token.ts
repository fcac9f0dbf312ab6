import { SignJWT } from 'jose';
import type { AccessKey } from './access-key.js';

/** How long a signed JWT lives, and how much of that must remain for it to be reused. */
export interface ServiceTokenTiming {
  lifetimeSeconds: number;
  renewBeforeSeconds: number;
  /** Ms since epoch; injectable so tests can move time. */
  now: () => number;
}

const DEFAULT_TIMING: ServiceTokenTiming = { lifetimeSeconds: 3600, renewBeforeSeconds: 300, now: Date.now };

/**
 * The bearer JWT for every request, signed the way `@authress/sdk` signs it. One JWT is reused until less than
 * `renewBeforeSeconds` of it remain: the vault caches verified JWTs, so re-signing per request defeats its cache.
 */
export function createServiceTokenSource(key: AccessKey, baseUrl: string, timing: Partial<ServiceTokenTiming> = {}) {
  const { lifetimeSeconds, renewBeforeSeconds, now } = { ...DEFAULT_TIMING, ...timing };
  const issuer = `${baseUrl.replace(/\/+$/, '')}/v1/clients/${encodeURIComponent(key.clientId)}`;
  let current: { jwt: string; expiresAtMs: number } | undefined;
  // Concurrent first calls share one signature rather than each minting a JWT.
  let signing: Promise<string> | undefined;

  async function sign(): Promise<string> {
    const issuedAt = Math.floor(now() / 1000);
    const expiresAt = issuedAt + lifetimeSeconds;
    const jwt = await new SignJWT({ client_id: key.clientId, scope: 'openid' })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: 'at+jwt' })
      .setSubject(key.clientId)
      .setIssuer(issuer)
      .setAudience(`${key.environmentId}.accounts.authress.io`)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key.privateKey);
    current = { jwt, expiresAtMs: expiresAt * 1000 };
    return jwt;
  }

  return {
    get(): Promise<string> {
      if (current && current.expiresAtMs - now() > renewBeforeSeconds * 1000) return Promise.resolve(current.jwt);
      signing ??= sign().finally(() => {
        signing = undefined;
      });
      return signing;
    },
  };
}

export type ServiceTokenSource = ReturnType<typeof createServiceTokenSource>;
