import type { createWebhookDeliverer } from './events/webhook-deliverer.js';
import type { Batch, RefreshEngine } from './refresh/refresh-engine.js';
import type { MaintenanceStore } from './store.js';
import type { VaultContext } from './vault-context.js';

/** Sweeping is cheap but need not be frequent; several processes sweeping at once is harmless. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Delivered and given-up webhook deliveries, and their events, are kept this long for inspection. */
const HISTORY_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export interface BackgroundOptions {
  /** Refresh due credentials ahead of expiry (the config file's `refreshAhead`). Webhooks are delivered anyway. */
  refreshAhead: boolean;
  /** Pause between passes that found nothing left to do. Default 1 s. */
  intervalMs?: number;
  /** Accounts (or deliveries) claimed per pass. Default 100. */
  batchSize?: number;
  /** Provider calls (or webhook posts) at once. Default 8. */
  concurrency?: number;
}

/**
 * The work every server process runs in the background: refresh-ahead, webhook delivery, and now and then a
 * sweep of expired flows and sessions, of old webhook history and of audit rows past retention. Any number of processes may run it at once;
 * leases keep them from doing the same work twice. `stop()` lets the work begun finish and skips the rest of
 * the pass (the vault's `settle()` gives back the leases of what was skipped).
 */
export function startBackground(
  ctx: VaultContext<MaintenanceStore>,
  engine: RefreshEngine,
  deliverer: ReturnType<typeof createWebhookDeliverer>,
  options: BackgroundOptions,
): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 1_000;
  const batch: Batch = {
    limit: options.batchSize ?? 100,
    concurrency: options.concurrency ?? 8,
    stopping: () => stopped,
  };
  let stopped = false;
  let wake: () => void = () => {};
  // A rest that stop() cuts short, timer included, so a stopped loop holds the process open no longer.
  const rest = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  let lastSweep = Number.NEGATIVE_INFINITY;

  const sweep = async () => {
    if (performance.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = performance.now();
    const now = ctx.now();
    const swept = await ctx.store.sweep(now, now - HISTORY_DAYS * DAY_MS, now - ctx.auditRetentionDays * DAY_MS);
    if (Object.values(swept).some((n) => n > 0)) ctx.log.info(swept, 'swept');
  };

  const loop = async () => {
    while (!stopped) {
      let busy = false;
      try {
        if (options.refreshAhead) busy = (await engine.refreshDue(batch)).length === batch.limit;
        if (!stopped) busy = (await deliverer.deliverDue(batch)).length === batch.limit || busy;
        if (!stopped) await sweep();
      } catch (err) {
        // refreshDue and deliverDue do not throw; a failed sweep (the database is away) is tried again next time.
        ctx.log.error({ err }, 'background pass failed');
      }
      // A full batch means more is due: go again at once. Otherwise rest, unless stop() wakes us.
      if (!busy && !stopped) await rest();
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}
