import { base64url, randomBytes, sha256 } from '../encoding.js';
import type { SessionStore } from '../store.js';
import type { SessionLimits, SessionRow } from '../store-rows.js';

export interface SessionInput {
  env: string;
  userId: string;
  /** Set for a per-provider handle naming one connected account. */
  accountId?: string;
  /** For a session from a connect session: what its creator held. */
  limits?: SessionLimits | null;
  ttlSeconds: number;
}

/**
 * Browser sessions are random handles; the database keeps only their SHA-256, so a stolen database
 * yields no usable cookie.
 */
export function createSessions(store: SessionStore, now: () => number) {
  return {
    /** Returns the handle to put in the cookie. */
    async create(input: SessionInput): Promise<string> {
      const handle = base64url(randomBytes(32));
      const createdAt = now();
      await store.insertSession({
        id: await sha256(handle),
        env: input.env,
        userId: input.userId,
        accountId: input.accountId ?? null,
        limits: input.limits ?? null,
        createdAt,
        expiresAt: createdAt + input.ttlSeconds * 1000,
      });
      return handle;
    },
    /** Undefined for unknown or expired handles. */
    async resolve(handle: string | undefined): Promise<SessionRow | undefined> {
      if (!handle) return undefined;
      const id = await sha256(handle);
      const session = await store.getSession(id);
      if (!session) return undefined;
      if (session.expiresAt <= now()) {
        await store.deleteSession(id);
        return undefined;
      }
      return session;
    },
    async delete(handle: string): Promise<void> {
      await store.deleteSession(await sha256(handle));
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
