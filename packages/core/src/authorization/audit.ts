import { timeOrderedId } from '../encoding.js';
import type { AuditStore } from '../store.js';
import type { AuditRow } from '../store-rows.js';

/** Who did something, as the audit log records it. */
export interface Actor {
  /** `client:<id>`, `user:<id>`, `cli` or `system`. */
  principal: string;
  keyId?: string | null;
  requestId?: string | null;
  /** The service client a user's browser acts through (`client:<id>`), when its session came from a connect session. */
  via?: string | null;
}

/** The vault itself: refreshes and the background loop. */
export const SYSTEM: Actor = { principal: 'system' };

export type AuditEntry = Pick<AuditRow, 'env' | 'action' | 'result'> &
  Partial<Pick<AuditRow, 'userId' | 'provider' | 'accountId' | 'scopes'>> & { detail?: object };

export function auditRow(actor: Actor, at: number, entry: AuditEntry): AuditRow {
  return {
    id: timeOrderedId('aud', at),
    env: entry.env,
    at,
    action: entry.action,
    principal: actor.principal,
    keyId: actor.keyId ?? null,
    via: actor.via ?? null,
    userId: entry.userId ?? null,
    provider: entry.provider ?? null,
    accountId: entry.accountId ?? null,
    scopes: entry.scopes ?? null,
    result: entry.result,
    requestId: actor.requestId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  };
}

/** Rows per insert: well under PostgreSQL's 65,535 bound parameters at 14 columns a row. */
const MAX_BATCH = 1_000;

const later: (run: () => void) => void =
  (globalThis as { setImmediate?: (run: () => void) => void }).setImmediate ?? ((run) => setTimeout(run, 0));

interface Pending {
  row: AuditRow;
  done(err?: unknown): void;
}

/**
 * Appends credential reads to the audit log with group commit: a read waits until its row is stored (no token
 * leaves unrecorded), and the rows of reads that arrive together go into one insert, so the log costs one commit
 * per batch rather than one per read. A batch is written once the current I/O callbacks have run (Node's
 * setImmediate; a zero timeout elsewhere), so the reads a burst of requests produced share it, and the rows that
 * arrive while one insert runs go into the next.
 */
export function createAuditWriter(store: Pick<AuditStore, 'insertAudit'>) {
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;

  async function flush() {
    await new Promise<void>((resolve) => later(resolve));
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        await store.insertAudit(batch.map((p) => p.row));
        for (const p of batch) p.done();
      } catch (err) {
        for (const p of batch) p.done(err);
      }
    }
    flushing = undefined;
  }

  return {
    record(row: AuditRow): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ row, done: (err) => (err === undefined ? resolve() : reject(err)) });
        flushing ??= flush();
      });
    },
    /** Resolves once every row recorded so far is stored (or failed): before the store closes. */
    async drained(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
