import { OPERATOR } from '@tokenvault/core';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { expectAccessible, watchConsole } from './support/connect-page.js';
import { type DashboardStack, dashboardScreenshot, signIn, startDashboardStack } from './support/dashboard.js';

const PAGES = ['overview', 'accounts', 'providers', 'clients', 'audit', 'webhooks'] as const;

// An admin operator in Chromium: finds the connection that broke and why, refreshes a healthy one and sees its new
// expiry, creates a service client, copies its key, sees it used, revokes it (the next call gets 401), and reads
// all of it back in the audit log and its export. Every page passes axe and is photographed at 1280 and 768 px.
describe('the dashboard pages, as an admin', () => {
  let stack: DashboardStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    stack = await startDashboardStack();
    browser = await launchChromium();
    ({ context, page } = await signIn(browser, stack, 'ada', errors));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
  });

  const go = async (name: (typeof PAGES)[number]) => {
    await page.click(`a[href="#/${name}"]`);
    await page.waitForSelector(`h1:has-text("${await page.locator(`a[href="#/${name}"]`).textContent()}")`);
    await page.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'));
  };
  const stored = async (userId: string, id: string) =>
    (await stack.vault.vault.listAccounts('development', userId, OPERATOR)).find((a) => a.id === id);

  it('finds the connection that broke and why, among healthy ones', async () => {
    await stack.vault.link('alice');
    const bob = await stack.vault.link('bob', 'faulty');
    // bob's provider refuses the refresh token: the next refresh marks the account needs_reauth.
    stack.proxy.next({
      kind: 'status',
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'invalid_grant', error_description: 'grant revoked by the user' }),
    });
    const read = stack.vault.vault.getAccessToken(
      { env: 'development', userId: bob.userId, accountId: bob.id, minValiditySeconds: 3600 },
      OPERATOR,
    );
    await expect(read).rejects.toMatchObject({ code: 'needs_reauth' });

    await go('accounts');
    await page.selectOption('#f-status', 'needs_reauth');
    await page.click('form.tv-filters button[type="submit"]');
    await page.waitForSelector(`button:has-text("${bob.userId}")`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await page.click(`button:has-text("${bob.userId}")`);
    await page.waitForSelector('[data-field="lastError"]');
    await expect(page.textContent('[data-field="lastError"]')).resolves.toMatch(/invalid_grant/);
    await expect(page.textContent('.tv-facts')).resolves.toMatch(/needs reconnecting/);
    await expect(page.textContent('.tv-list')).resolves.toMatch(/account\.status_changed/);
    // The refresh engine audited the failed refresh: the vault itself tried, the provider refused the grant.
    await page.waitForSelector('[data-field="refreshes"] li');
    await expect(page.textContent('[data-field="refreshes"]')).resolves.toMatch(/needs_reauth \(system\)$/);
    // Its events went to the webhook too: the deliveries of this account, pending until the deliverer runs.
    await page.waitForSelector('[data-field="deliveries"] li');
    await expect(page.textContent('[data-field="deliveries"]')).resolves.toContain(stack.receiver.url);
    await expectAccessible(page, 'account detail');
    await dashboardScreenshot(page, 'account-detail');

    // The overview says the same at a glance: one account needs reconnecting, at the provider that failed, and
    // the refused read is in the last hour's count.
    await go('overview');
    await expect(page.textContent('[data-status="needs_reauth"] .tv-stat-number')).resolves.toBe('1');
    await expect(page.textContent('[data-status="active"] .tv-stat-number')).resolves.toBe('1');
    await expect(page.textContent('tr[data-provider="faulty"] td:nth-child(3)')).resolves.toBe('1');
    await expect(page.textContent('tr[data-provider="demo"] td:nth-child(3)')).resolves.toBe('0');
    await expect(page.textContent('[data-chart="reads"] figcaption')).resolves.toBe('0 served, 1 refused or failed');
    await expect(page.textContent('[data-chart="refreshes"] figcaption')).resolves.toBe('0 refreshed, 1 failed');
    await page.waitForSelector('[data-chart="reads"] canvas');
    await page.waitForSelector('[data-chart="refreshes"] canvas');
  });

  it('refreshes a healthy account now and shows its new expiry; disconnects only after a confirmation', async () => {
    const carol = await stack.vault.link('carol');
    const before = await stored(carol.userId, carol.id);
    await go('accounts');
    await page.fill('#f-user', carol.userId);
    await page.click('form.tv-filters button[type="submit"]');
    await page.click(`button:has-text("${carol.userId}")`);
    await page.waitForSelector('[data-field="expiresAt"]');
    const shown = await page.textContent('[data-field="expiresAt"]');
    stack.vault.clock.offsetMs += 10 * 60_000; // the new token's lifetime counts from a later vault time
    try {
      await page.click('button:has-text("Refresh now")');
      await page.waitForSelector('[role="status"]:has-text("Refreshed.")');
      await page.waitForFunction(
        (old) => document.querySelector('[data-field="expiresAt"]')?.textContent !== old,
        shown,
      );
    } finally {
      stack.vault.clock.offsetMs -= 10 * 60_000;
    }
    const after = await stored(carol.userId, carol.id);
    expect(after?.expiresAt).toBeGreaterThan(before?.expiresAt ?? Number.POSITIVE_INFINITY);
    // The refresh is in the account's refresh history, as the operator's.
    await page.waitForSelector('[data-field="refreshes"] li:has-text("operator:ada")');
    await expect(page.textContent('[data-field="refreshes"]')).resolves.toMatch(/ok \(operator:ada\)$/);
    await expect(page.textContent('[data-field="expiresAt"]')).resolves.toBe(
      new Date(after?.expiresAt ?? 0).toLocaleString('en-GB', { timeZone: 'UTC' }),
    );

    await page.click('button:has-text("Disconnect…")');
    expect(await stored(carol.userId, carol.id)).toBeDefined(); // asking is not doing
    await page.click('button:has-text("Yes, disconnect and revoke")');
    await page.waitForSelector('#f-user');
    await expect.poll(() => stored(carol.userId, carol.id)).toBeUndefined();
  });

  it('creates a client, copies its key once, sees it used, revokes it, and the next call gets 401', async () => {
    const dave = await stack.vault.link('dave');
    await go('clients');
    await page.fill('#c-name', 'worker');
    await page.click('button:has-text("Create client")');
    await page.waitForSelector('[data-field="accessKey"]');
    const accessKey = (await page.textContent('[data-field="accessKey"]')) ?? '';
    await page.click('button:has-text("Copy the key")');
    await page.waitForSelector('button:has-text("Copy the key") >> text=(copied)');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(accessKey);
    await expectAccessible(page, 'clients with a new key');
    await dashboardScreenshot(page, 'clients-new-key');

    const card = page.locator('li.tv-card', { hasText: 'worker' });
    const clientId = (await card.getAttribute('data-client')) ?? '';
    // The grants editor: the API's own validation answers a pattern it does not accept.
    await card.locator('select[name="role"]').selectOption('credentials-reader');
    await card.locator('input[name="resource"]').fill('accounts/*');
    await card.locator('button:has-text("Add grant")').click();
    await card.locator('[role="alert"]:has-text("must start with one of")').waitFor();
    // Chromium logs the refused request itself as a console error: that one, and only it, is expected.
    expect(errors.splice(0)).toEqual([expect.stringMatching(/status of 400 \(Bad Request\)$/)]);
    await card.locator('input[name="resource"]').fill('connections/demo');
    await card.locator('button:has-text("Add grant")').click();
    await card.locator('li:has-text("credentials-reader — connections/demo")').waitFor();
    // A time-boxed grant is listed with the time it has left.
    await card.locator('select[name="role"]').selectOption('agent');
    await card.locator('input[name="resource"]').fill('connections/demo');
    await card.locator('select[name="lifetime"]').selectOption({ label: 'for 30 days' });
    await card.locator('button:has-text("Add grant")').click();
    await card.locator('li', { hasText: /^agent — connections\/demo \(expires in (30 d|29 d 23 h)\)/ }).waitFor();

    const read = async () => {
      const jwt = await signServiceToken(parseAccessKey(accessKey), {
        baseUrl: stack.url,
        now: Date.now() + stack.vault.clock.offsetMs,
      });
      const response = await fetch(`${dave.base.replace('http://vault.test', stack.url)}/access-token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: '{}',
      });
      return response.status;
    };
    expect(await read()).toBe(200);
    await go('accounts');
    await go('clients');
    const keyRow = page.locator('li.tv-card', { hasText: 'worker' }).locator('tbody tr').first();
    await expect(keyRow.locator('[data-field="lastUsedAt"]').textContent()).resolves.not.toBe('—');
    await keyRow.locator('button:has-text("Revoke")').click();
    await page.waitForSelector('[role="status"]:has-text("revoked")');
    expect(await read()).toBe(401);

    // The audit log names who did what: the operator created and revoked, the client read.
    await go('audit');
    await page.fill('#a-principal', 'operator:ada');
    await page.click('form.tv-filters button[type="submit"]');
    await page.waitForSelector('tbody tr:has-text("key.revoked")');
    const actions = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['client.created', 'grant.added', 'key.revoked']));
    expect(actions).not.toContain('credentials.read');
    await page.fill('#a-principal', 'cli');
    await page.fill('#a-result', 'needs_reauth');
    await page.click('form.tv-filters button[type="submit"]');
    await page.waitForSelector('tbody tr:has-text("faulty:bob")');
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await page.fill('#a-result', '');
    await page.fill('#a-principal', `client:${clientId}`);
    await page.fill('#a-action', 'credentials.read');
    await page.click('form.tv-filters button[type="submit"]');
    await page.waitForSelector(`tbody tr:has-text("${dave.userId}")`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);

    // The export is the same selection, streamed, and a download the browser makes with the operator's cookie.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Export as NDJSON")')]);
    const lines = (await streamText(await download.createReadStream()))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toMatchObject([{ action: 'credentials.read', principal: `client:${clientId}`, userId: dave.userId }]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Export as CSV")')]);
    const rows = (await streamText(await csv.createReadStream())).trim().split('\n');
    expect(rows[0]).toMatch(/^id,at,action,principal,/);
    expect(rows.slice(1)).toHaveLength(1);
    expect(rows[1]).toContain('"credentials.read"');
  });

  it("test-connects a provider: the hosted connect page in a new tab, as the operator's test user, to connected", async () => {
    await go('providers');
    const [tab] = await Promise.all([context.waitForEvent('page'), page.click('button:has-text("Test connect Demo")')]);
    const tabErrors: string[] = [];
    watchConsole(tab, tabErrors, stack.url);
    await page.waitForSelector('[role="status"]:has-text("opened in a new tab")');
    await expectAccessible(page, 'providers, a test connect started');
    await dashboardScreenshot(page, 'providers-test-connect');
    // The app's page, not the dashboard's: the connect page, with the session the dashboard made for ada's test user.
    await tab.waitForSelector('button[data-provider="demo"]');
    expect(new URL(tab.url()).pathname).toBe('/connect');
    const [popup] = await Promise.all([tab.waitForEvent('popup'), tab.click('button[data-provider="demo"]')]);
    // The operator signed in at this same provider, so it asks only for consent to the connect's scopes.
    await popup.waitForSelector('text=Authorize');
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
    await tab.waitForSelector('[data-outcome="connected"]');
    await expect(tab.textContent('h1')).resolves.toBe('Demo connected');
    await tab.close();
    expect(tabErrors).toEqual([]);
    const accounts = await stack.vault.vault.listAccounts('development', 'test:operator:ada', OPERATOR);
    expect(accounts).toMatchObject([{ provider: 'demo', status: 'active' }]);
    const [created] = await stack.vault.store.listAudit('development', {
      action: 'connect_session.created',
      principal: 'operator:ada',
      limit: 1,
    });
    expect(created).toMatchObject({ userId: 'test:operator:ada', provider: 'demo' });
  });

  it('sends a signed test event to an endpoint, and retries a failed delivery that the endpoint then receives', async () => {
    // One delivery fails: the endpoint answers 500 to the first request of the pass.
    stack.receiver.failNext(1);
    await stack.vault.vault.deliverWebhooks({ limit: 50, concurrency: 1 });
    const failedHook = stack.receiver.received.find((hook) => hook.answeredStatus === 500);
    expect(failedHook).toBeDefined();
    const failed = (await stack.vault.vault.listDeliveries('development', { limit: 100 })).find(
      (d) => d.eventId === failedHook?.id,
    );
    expect(failed).toMatchObject({ status: 'pending', attempts: [{ status: 500 }] });

    await go('webhooks');
    const endpointRow = page.locator('tr[data-endpoint]');
    await expect(endpointRow.textContent()).resolves.toContain(stack.receiver.url);
    await expect(endpointRow.textContent()).resolves.toContain('account.status_changed');
    // By keyboard: from the page's heading, Tab reaches the endpoint's button and Enter presses it.
    await tabTo(page, 'tr[data-endpoint] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="status"]:has-text("accepted the test event (HTTP 204")');
    const test = stack.receiver.received.at(-1);
    expect(test).toMatchObject({
      answeredStatus: 204,
      payload: { type: 'webhook.test', data: { environment: 'development', sentBy: 'operator:ada' } },
    });

    // Retry: due at once, so the next pass posts it again, signed like the first attempt, with the same event id.
    const row = page.locator(`tr[data-delivery="${failed?.id}"]`);
    await row.locator('button:has-text("Retry")').click();
    await page.waitForSelector('[role="status"]:has-text("Queued")');
    await stack.vault.vault.deliverWebhooks({ limit: 50, concurrency: 4 });
    expect(stack.receiver.received.filter((hook) => hook.id === failedHook?.id).map((h) => h.answeredStatus)).toEqual([
      500, 204,
    ]);
    expect(stack.receiver.rejected).toBe(0);
    await go('accounts');
    await go('webhooks');
    await expect(row.locator('[data-field="status"]').textContent()).resolves.toBe('delivered');
    const audited = await stack.vault.store.listAudit('development', { principal: 'operator:ada', limit: 50 });
    expect(audited.filter((r) => r.action.startsWith('webhook.')).map((r) => [r.action, r.result])).toEqual([
      ['webhook.retry', 'ok'],
      ['webhook.test', 'ok'],
    ]);
  });

  it('passes axe on every page, with data and at 768 px, with no console error', async () => {
    await stack.vault.vault.deliverWebhooks({ limit: 50, concurrency: 4 });
    for (const name of PAGES) {
      await go(name);
      if (name === 'webhooks') await page.waitForSelector('tr[data-delivery]:has-text("delivered")');
      await expectAccessible(page, name);
      await dashboardScreenshot(page, name);
    }
    await page.setViewportSize({ width: 768, height: 900 });
    for (const name of PAGES) {
      await go(name);
      await expectAccessible(page, `${name} at 768 px`);
      await dashboardScreenshot(page, `${name}-768`);
      // Usable: nothing wider than the window but the tables, which scroll inside themselves.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
    }
    expect(errors).toEqual([]);
  });
});

/** Presses Tab until `selector` has the focus (at most 20 times); fails if it never does. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
