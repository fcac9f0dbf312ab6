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
  let current: { jwt: string; expiresAtMs: number } | undefined;
  // Concurrent first calls share one signature rather than each minting a JWT.
  let signing: Promise<string> | undefined;

  async function sign(): Promise<string> {
    const at = now();
    const jwt = await signServiceToken(key, { baseUrl, lifetimeSeconds, now: at });
    current = { jwt, expiresAtMs: (Math.floor(at / 1000) + lifetimeSeconds) * 1000 };
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

/**
 * One service-client JWT signed with `key` the way `@authress/sdk` signs it, for a request the vault client does not
 * make (curl, another HTTP client): EdDSA, `kid` the key id, `sub` and `client_id` the client, `iss`
 * `<baseUrl>/v1/clients/<client id>`, `aud` `<environment>.accounts.authress.io`, one hour unless told otherwise.
 */
export async function signServiceToken(
  key: AccessKey,
  options: {
    /** Where the vault is reached (its `publicUrl`). */
    baseUrl: string;
    lifetimeSeconds?: number;
    /** The signer's clock, ms since the epoch; the system's by default. */
    now?: number;
  },
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({ client_id: key.clientId, scope: 'openid' })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, typ: 'at+jwt' })
    .setSubject(key.clientId)
    .setIssuer(`${options.baseUrl.replace(/\/+$/, '')}/v1/clients/${encodeURIComponent(key.clientId)}`)
    .setAudience(`${key.environmentId}.accounts.authress.io`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 3600))
    .sign(key.privateKey);
}
