import { aad } from '../crypto/cipher.js';
import { isVaultError } from '../errors.js';
import type { VaultContext } from '../vault-context.js';
import type { OperatorIdentity } from './operators.js';

/** Signed-in operators; the idle timeout is configurable, the absolute lifetime is not. */
export interface OperatorSession {
  identity: OperatorIdentity;
  issuedAt: number;
  seenAt: number;
}

/** However active, an operator signs in again after this long. */
export const OPERATOR_SESSION_MAX_MS = 12 * 60 * 60 * 1000;
const SESSION = aad('operator_sessions', '-', 'cookie');

/**
 * Operator sessions live in a sealed cookie (AES-256-GCM under the master key, bound to its purpose), so they
 * need no table and every process reads them. The price, in docs/security.md: sign-out clears the cookie but
 * cannot recall a copy of it, which the idle timeout bounds.
 */
export function createOperatorSessions(ctx: VaultContext<unknown>, idleMs: number) {
  const seal = (session: OperatorSession) => ctx.cipher.encrypt(JSON.stringify(session), SESSION);
  return {
    idleMs,
    /** A new session's cookie value. */
    create: (identity: OperatorIdentity) => seal({ identity, issuedAt: ctx.now(), seenAt: ctx.now() }),
    /** The session a cookie holds, unless it is idle, too old, or not one this vault sealed. */
    async open(value: string | undefined): Promise<OperatorSession | undefined> {
      if (!value) return undefined;
      let session: OperatorSession;
      try {
        session = JSON.parse(await ctx.cipher.decrypt(value, SESSION)) as OperatorSession;
      } catch (err) {
        if (isVaultError(err, 'decryption_failed') || err instanceof SyntaxError) return undefined;
        throw err;
      }
      const now = ctx.now();
      if (session.seenAt + idleMs <= now || session.issuedAt + OPERATOR_SESSION_MAX_MS <= now) return undefined;
      return session;
    },
    /** The same session seen now: the cookie the answer sets, so activity keeps it alive. */
    touch: (session: OperatorSession) => seal({ ...session, seenAt: ctx.now() }),
  };
}

export type OperatorSessions = ReturnType<typeof createOperatorSessions>;
