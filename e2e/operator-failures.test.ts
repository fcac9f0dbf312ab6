import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// What an operator can see after the fact: connect flows that failed are in the audit log, and an account that
// keeps failing to refresh logs its failure episode once and then ever more rarely, not on every attempt.
describe('failures an operator can see', () => {
  let proxy: FaultProxy;
  let vault: InProcessVault;
  beforeAll(async () => {
    proxy = await startFaultProxy();
    vault = await startInProcessVault({ tokenProxy: proxy });
  });
  afterAll(async () => {
    await vault?.close();
    await proxy?.close();
  });

  async function failedConnects() {
    const response = await vault.request(`${VAULT_URL}/v1/admin/audit?action=account.connect_failed`, {
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()).items as Array<Record<string, unknown>>;
  }

  /** Starts a popup flow in a fresh browser and comes back to the callback with `params` instead of a code. */
  async function failedCallback(params: Record<string, string>) {
    const jar = vault.newJar();
    const authorize = new URL(await vault.start(jar));
    const callback = new URL(`${VAULT_URL}/api/auth/demo/handler/frame`);
    const state = authorize.searchParams.get('state') as string;
    // As the provider would send it back: with its RFC 9207 issuer.
    callback.search = new URLSearchParams({ ...params, state, iss: vault.demo.issuer }).toString();
    const answer = await jar.fetch(callback.href);
    expect(answer.status).toBe(200); // the popup page, carrying the error to the app
  }

  it('records a connect flow that failed, with its error and provider, for the admin audit API', async () => {
    const before = (await failedConnects()).length;
    await failedCallback({ error: 'access_denied', error_description: 'the user said no' });
    await failedCallback({ code: 'not-a-code-the-provider-issued' });
    const items = await failedConnects();
    expect(items).toHaveLength(before + 2);
    const [exchange, denied] = items; // newest first
    expect(denied).toMatchObject({ action: 'account.connect_failed', provider: 'demo', result: 'access_denied' });
    expect(exchange).toMatchObject({ action: 'account.connect_failed', provider: 'demo' });
    expect(exchange?.result).not.toBe('ok');
  });

  // Regression: a failing account logged a line on every attempt (three error lines in five seconds).
  it('logs a refresh failure episode on its 1st, 2nd and 4th failure, not on every one', async () => {
    const { id, base } = await vault.link('episode', 'faulty');
    const unavailable = () => vault.logs.filter((line) => line.includes(id) && line.includes('is unavailable'));
    for (let failure = 1; failure <= 4; failure++) {
      vault.clock.offsetMs += 6 * 60_000; // past any back-off, so each read tries the provider again
      proxy.next({ kind: 'status', status: 500, body: 'down' });
      const read = await vault.request(`${base}/access-token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await vault.jwt()}` },
        body: JSON.stringify({ minValiditySeconds: 3600 }),
      });
      expect(read.status).toBe(503);
    }
    expect(unavailable().map((line) => JSON.parse(line).failures)).toEqual([1, 2, 4]);
  });
});
