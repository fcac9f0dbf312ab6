import type { AuditStore } from '../store.js';
import type { AuditCount } from '../store-rows.js';
import { checkAudit, copy, sortBy, type Tables, writeAudit } from './memory-tables.js';

/** The append-only audit log. */
export function memoryAuditStore(tables: Tables): AuditStore {
  const { audit } = tables;
  return {
    async insertAudit(rows) {
      // One batch is one statement in SQL: a single bad row refuses the whole batch.
      checkAudit(tables, rows);
      writeAudit(tables, rows);
    },
    async listAudit(env, query) {
      const { principal, result, userId, provider, action, since, until, before } = query;
      const rows = [...audit.values()].filter(
        (r) =>
          r.env === env &&
          (principal === undefined || r.principal === principal) &&
          (result === undefined || r.result === result) &&
          (userId === undefined || r.userId === userId) &&
          (provider === undefined || r.provider === provider) &&
          (action === undefined || r.action === action) &&
          (since === undefined || r.at >= since) &&
          (until === undefined || r.at <= until) &&
          (!before || r.at < before.at || (r.at === before.at && r.id < before.id)),
      );
      return sortBy(rows, (r) => [r.at, r.id])
        .reverse()
        .slice(0, query.limit)
        .map(copy);
    },
    async countAudit(env, query) {
      const counts = new Map<string, AuditCount>();
      for (const r of audit.values()) {
        if (r.env !== env || r.at < query.since || !query.actions.includes(r.action)) continue;
        const bucket = Math.floor(r.at / query.bucketMs) * query.bucketMs;
        const key = `${r.action} ${bucket}`;
        const count = counts.get(key) ?? { action: r.action, bucket, ok: 0, failed: 0 };
        if (r.result === 'ok') count.ok++;
        else count.failed++;
        counts.set(key, count);
      }
      return [...counts.values()];
    },
  };
}
