import { describe, expect, it } from 'vitest';
import { auditRow, createAuditWriter } from '../src/authorization/audit.js';
import type { AuditRow } from '../src/store-rows.js';

const row = (n: number) => auditRow({ principal: 'cli' }, n, { env: 'e', action: 'credentials.read', result: 'ok' });

/** A store whose inserts finish only when the test says so. */
function heldStore() {
  const inserts: { rows: AuditRow[]; finish(err?: Error): void }[] = [];
  return {
    inserts,
    insertAudit: (rows: AuditRow[]) =>
      new Promise<void>((resolve, reject) => {
        inserts.push({ rows, finish: (err) => (err ? reject(err) : resolve()) });
      }),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('audit writer (group commit)', () => {
  it('resolves a record only once its insert is done, and batches what arrives meanwhile into one insert', async () => {
    // Reads of one burst share an insert; the 50 that arrive while it is written share the next one.
    const store = heldStore();
    const writer = createAuditWriter(store);
    let burstDone = false;
    const burst = Promise.all([writer.record(row(0)), writer.record(row(1))]).then(() => (burstDone = true));
    await tick();
    expect(store.inserts.map((i) => i.rows.length)).toEqual([2]);
    const rest = Array.from({ length: 50 }, (_, i) => writer.record(row(i + 2)));
    await tick();
    expect(store.inserts).toHaveLength(1);
    expect(burstDone).toBe(false);
    store.inserts[0]?.finish();
    await burst;
    await tick();
    expect(store.inserts).toHaveLength(2);
    expect(store.inserts[1]?.rows.map((r) => r.at)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    store.inserts[1]?.finish();
    await Promise.all(rest);
  });

  it('rejects every record of a failed insert, and keeps writing later ones', async () => {
    // A failed insert must not hand out tokens unrecorded, nor wedge the writer.
    const store = heldStore();
    const writer = createAuditWriter(store);
    const failed = writer.record(row(1));
    await tick();
    store.inserts[0]?.finish(new Error('disk full'));
    await expect(failed).rejects.toThrow('disk full');
    const later = writer.record(row(2));
    await tick();
    store.inserts[1]?.finish();
    await expect(later).resolves.toBeUndefined();
  });

  it('is drained only once every row recorded so far is stored, including rows that came during an insert', async () => {
    // A server shutting down waits for this before it closes the store: no audit row is lost.
    const store = heldStore();
    const writer = createAuditWriter(store);
    let drained = false;
    void writer.record(row(1));
    const waiting = writer.drained().then(() => (drained = true));
    await tick();
    void writer.record(row(2));
    store.inserts[0]?.finish();
    await tick();
    expect(drained).toBe(false);
    expect(store.inserts.map((i) => i.rows.map((r) => r.at))).toEqual([[1], [2]]);
    store.inserts[1]?.finish();
    await waiting;
    expect(drained).toBe(true);
    await writer.drained(); // nothing queued: at once
  });
});
