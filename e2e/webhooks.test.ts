import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';
import { sleep } from './support/net.js';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

// Webhooks are how apps learn that an account needs the user again (docs/reliability.md, "Status and events"): a real HTTP receiver that checks
// signatures with the reference Standard Webhooks library must get every event at least once, retried after
// failures under the same webhook-id, in order per account, and a dead URL must neither block nor retry forever.

/** Driven by the vault's clock, so "still retrying" and "given up" are both observed without racing real time. */
const GIVE_UP_MS = 60_000;
const ALLOWED_DATA_KEYS = ['environment', 'userId', 'accountId', 'provider', 'providerAccountId', 'status'];
const STATUS_KEYS = ['from', 'to', 'reason'];

interface EventPayload {
  type: string;
  timestamp: string;
  data: { accountId: string; status: string; from?: string; to?: string; reason?: string | null };
}

interface DeliveryJson {
  id: string;
  eventId: string;
  accountId: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: { attempt: number; at: string; status: number | null; error: string | null; durationMs: number }[];
  createdAt: string;
  deliveredAt: string | null;
}

describe('webhooks', () => {
  let proxy: FaultProxy;
  let receiver: WebhookReceiver;
  let vault: InProcessVault;
  let background: { stop(): Promise<void> } | undefined;
  let deadUrl: string;
  const accessTokens: string[] = [];

  beforeAll(async () => {
    const secret = `whsec_${randomBytes(24).toString('base64')}`;
    proxy = await startFaultProxy();
    receiver = await startWebhookReceiver(secret);
    // Port 1 (tcpmux): nothing on these machines listens there, so every attempt is refused. A port that was
    // merely free when the test started can be taken by another test file's server meanwhile (seen: a 404).
    deadUrl = 'http://127.0.0.1:1/hooks';
    vault = await startInProcessVault({
      tokenProxy: proxy,
      webhooks: {
        development: [
          { url: receiver.url, secret },
          { url: deadUrl, secret },
        ],
      },
      webhookRetry: { baseMs: 30, maxMs: 100, giveUpAfterMs: GIVE_UP_MS, timeoutMs: 1000 },
    });
    background = vault.vault.startBackground({ refreshAhead: false, intervalMs: 20 });
  });
  afterAll(async () => {
    await background?.stop();
    await vault?.close();
    await receiver?.close();
    await proxy?.close();
  });

  const linked = (login: string) => vault.link(login, 'faulty');

  /** Reads an access token, kept to look for in payloads; `minValiditySeconds: 3600` forces a refresh. */
  async function readToken(base: string, minValiditySeconds?: number) {
    const response = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: JSON.stringify(minValiditySeconds === undefined ? {} : { minValiditySeconds }),
    });
    const body = await response.json();
    if (typeof body.accessToken === 'string') accessTokens.push(body.accessToken);
    return { status: response.status, body };
  }

  async function deliveries(query: string): Promise<DeliveryJson[]> {
    const response = await vault.request(`${VAULT_URL}/v1/admin/webhook-deliveries?limit=200&${query}`, {
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: DeliveryJson[] }).items;
  }

  const payload = (hook: ReceivedWebhook) => hook.payload as EventPayload;
  const ok = (hook: ReceivedWebhook) => hook.answeredStatus >= 200 && hook.answeredStatus < 300;
  /** Everything that reached the receiver about one account, in arrival order. */
  const arrivals = (accountId: string) =>
    receiver.received.filter((hook) => payload(hook).data.accountId === accountId);
  const describeEvent = (hook: ReceivedWebhook) => {
    const { type, data } = payload(hook);
    return type === 'account.status_changed' ? `${type}:${data.from}->${data.to}` : type;
  };

  /** Polls until `probe` gives a truthy value; fails after the deadline instead of assuming a machine's speed. */
  async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(10);
    }
  }

  it('signs each delivery so the reference Standard Webhooks library verifies it', async () => {
    const { id, base } = await linked('signed');
    await readToken(base);
    const hook = await until('the connected event', () => arrivals(id).find(ok));
    expect(receiver.rejected).toBe(0);
    expect(hook.id).toMatch(/^evt/);
    expect(Math.abs(hook.timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(payload(hook)).toMatchObject({ type: 'account.connected', data: { accountId: id, status: 'active' } });
  });

  it('retries a failed delivery under the same webhook-id until it is accepted, and records every attempt', async () => {
    receiver.failNext(2, 500);
    const { id, base } = await linked('retry');
    await readToken(base);
    await until('the connected event to be delivered', () => arrivals(id).find(ok));
    const seen = arrivals(id);
    const eventId = seen[0]?.id;
    expect(seen.map((hook) => [hook.id, describeEvent(hook), hook.answeredStatus])).toEqual([
      [eventId, 'account.connected', 500],
      [eventId, 'account.connected', 500],
      [eventId, 'account.connected', 204],
    ]);

    // The receiver saw the 204 before the vault recorded it: wait for the record, not for the arrival.
    const recorded = await until('the delivery to be recorded', async () => {
      const mine = (await deliveries(`accountId=${id}`)).filter((d) => d.url === receiver.url);
      return mine.some((d) => d.status === 'delivered') && mine;
    });
    const [delivery, ...others] = recorded;
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({ eventId, status: 'delivered', deliveredAt: expect.any(String) });
    expect(delivery?.attempts.map((a) => [a.attempt, a.status, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [3, 204, null],
    ]);
  });

  it('delivers one account’s events in order, holding later ones back while an earlier one fails', async () => {
    // The receiver fails everything while four events pile up, so a deliverer that does not hold back later
    // events would post them before the first one is delivered.
    receiver.failNext(1_000_000, 500);
    const { id, base } = await linked('order');
    await readToken(base);
    proxy.next({
      kind: 'status',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"error":"bad_refresh_token"}',
    });
    expect((await readToken(base, 3600)).status).toBe(409);
    await vault.connect(vault.newJar(), 'order', 'faulty'); // the user links again: a recovery
    await readToken(base);
    const removed = await vault.request(base, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    expect(removed.status).toBe(200);
    // Two more failed posts after the last event exists: the deliverer has had a whole pass with all four due.
    const failedSoFar = arrivals(id).length;
    await until('two more failed attempts', () => arrivals(id).length >= failedSoFar + 2);
    receiver.failNext(0);

    await until('four events delivered', () => arrivals(id).filter(ok).length >= 4);
    const delivered = arrivals(id).filter(ok);
    expect(delivered.map(describeEvent)).toEqual([
      'account.connected',
      'account.status_changed:active->needs_reauth',
      'account.status_changed:needs_reauth->active',
      'account.disconnected',
    ]);
    expect(payload(delivered[1] as ReceivedWebhook).data).toMatchObject({
      status: 'needs_reauth',
      reason: expect.stringMatching(/bad_refresh_token/),
    });
    expect(arrivals(id).filter((hook) => !ok(hook)).length).toBeGreaterThanOrEqual(2);

    // No event reached the receiver, not even as a failed attempt, before every earlier one had been delivered.
    const order = delivered.map((hook) => hook.id);
    const done = new Set<string>();
    for (const hook of arrivals(id)) {
      const earlier = order.slice(0, order.indexOf(hook.id));
      expect(
        earlier.filter((eventId) => !done.has(eventId)),
        `${describeEvent(hook)} came too early`,
      ).toEqual([]);
      if (ok(hook)) done.add(hook.id);
    }

    // The dead URL is still retrying every one of these: its failures held none of them back.
    const dead = (await deliveries(`accountId=${id}`)).filter((d) => d.url === deadUrl);
    expect(dead.map((d) => d.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('never puts a token in a payload', async () => {
    const issued = vault.demo.issuedRefreshTokens();
    expect(issued.length).toBeGreaterThanOrEqual(4);
    expect(accessTokens.length).toBeGreaterThanOrEqual(4);
    const payloads = receiver.received.map(payload);
    const sent = JSON.stringify(payloads);
    for (const token of [...issued, ...accessTokens]) expect(sent).not.toContain(token);
    for (const { type, data } of payloads) {
      const allowed = type === 'account.status_changed' ? [...ALLOWED_DATA_KEYS, ...STATUS_KEYS] : ALLOWED_DATA_KEYS;
      expect(Object.keys(data).filter((key) => !allowed.includes(key))).toEqual([]);
    }
  });

  it('gives up on a URL that refuses connections after giveUpAfterMs, having delayed nothing else', async () => {
    const all = await deliveries('');
    const working = all.filter((d) => d.url === receiver.url);
    const dead = all.filter((d) => d.url === deadUrl);
    expect(working.length).toBe(6);
    expect(working.every((d) => d.status === 'delivered')).toBe(true);
    expect(dead.map((d) => d.eventId).sort()).toEqual(working.map((d) => d.eventId).sort());
    // Every event reached the working receiver while the dead URL was still being retried, one event per account
    // at a time: its later events wait behind its first.
    expect(dead.every((d) => d.status === 'pending')).toBe(true);
    const tried = dead.filter((d) => d.attempts.length > 0).map((d) => d.accountId);
    expect(tried.sort()).toEqual([...new Set(dead.map((d) => d.accountId))].sort());
    const attempts = dead.flatMap((d) => d.attempts);
    expect(new Set(attempts.map((a) => `${a.status} ${a.error}`))).toEqual(new Set(['null could not connect']));

    // Each event's day starts at its own first attempt, so an account's queue behind a dead URL drains one
    // give-up period per event; move the clock on until it has.
    for (let round = 0; round < 6; round++) {
      const pending = await deliveries('status=pending');
      if (pending.length === 0) break;
      // Wait until the head of every account's queue has been tried once (its clock has started) …
      await until('the next dead deliveries to be tried', async () => {
        const now = await deliveries('status=pending');
        return (
          new Set(now.map((d) => d.accountId)).size ===
          new Set(now.filter((d) => d.attempts.length).map((d) => d.accountId)).size
        );
      });
      // … then move the clock past the give-up period: those heads fail, the next in line start.
      vault.clock.offsetMs += GIVE_UP_MS;
      await until(
        'a dead delivery to be given up on',
        async () => (await deliveries('status=pending')).length < pending.length,
      );
    }
    expect(await deliveries('status=pending')).toEqual([]);
    const after = await deliveries('');
    for (const delivery of after.filter((d) => d.url === deadUrl)) {
      expect(delivery.status).toBe('failed');
      // Retried, not failed on its first try because it had waited behind an earlier event.
      expect(delivery.attempts.length).toBeGreaterThanOrEqual(2);
      // Measured from its first attempt to the end of each attempt, as the deliverer decides.
      const first = Date.parse(delivery.attempts[0]?.at as string);
      const ages = delivery.attempts.map((a) => Date.parse(a.at) + a.durationMs - first);
      const last = ages.pop() as number;
      expect(last).toBeGreaterThanOrEqual(GIVE_UP_MS);
      expect(ages.every((age) => age < GIVE_UP_MS)).toBe(true);
    }
    expect(after.filter((d) => d.url === receiver.url).every((d) => d.status === 'delivered')).toBe(true);
    expect(receiver.rejected).toBe(0);
  });
});
