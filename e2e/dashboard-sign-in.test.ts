import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { demoLogin } from './support/connect-page.js';
import { type DashboardStack, signIn, startDashboardStack } from './support/dashboard.js';

// Operators sign in at their own OpenID provider through the vault's OAuth core; the configuration maps them to a
// role per environment. The session is an HttpOnly, SameSite=Strict cookie that ends when idle; a change needs the
// dashboard's own Origin, and a viewer's changes are refused by the API whatever the page shows.
describe('dashboard sign-in and roles', () => {
  let stack: DashboardStack;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let errors: string[];

  beforeAll(async () => {
    stack = await startDashboardStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(errors).toEqual([]);
  });

  /** The operator's cookie as the browser holds it. */
  async function operatorCookie() {
    const cookies = await (context as BrowserContext).cookies(stack.url);
    return cookies.find((cookie) => cookie.name === 'tokenvault_operator');
  }

  /** `/v1/admin` with the operator's cookie, as a script (no browser) would send it. */
  function asOperator(cookie: string, method: string, path: string, headers: Record<string, string> = {}) {
    return fetch(`${stack.url}/v1/admin${path}`, {
      method,
      headers: { cookie: `tokenvault_operator=${cookie}`, ...headers },
    });
  }

  it('maps an operator by email to admin of two environments, in an HttpOnly SameSite=Strict cookie', async () => {
    errors = [];
    ({ context } = await signIn(browser, stack, 'ada', errors));
    const page = context.pages()[0];
    await expect(page?.textContent('[data-field="role"]')).resolves.toBe('ada@demo.tokenvault.local (admin)');
    const cookie = await operatorCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = await asOperator(cookie?.value ?? '', 'GET', '/operator-session');
    expect(await session.json()).toMatchObject({
      principal: 'operator:ada',
      environments: [
        { name: 'development', role: 'admin' },
        { name: 'production', role: 'admin' },
      ],
    });
  });

  it('maps by subject; a viewer reads but every change is refused, and the page offers none', async () => {
    errors = [];
    const { id, userId } = await stack.vault.link('viewed');
    let page: Awaited<ReturnType<typeof signIn>>['page'];
    ({ context, page } = await signIn(browser, stack, 'vic', errors));
    await expect(page.textContent('[data-field="role"]')).resolves.toBe('vic@demo.tokenvault.local (viewer)');
    const cookie = (await operatorCookie())?.value ?? '';
    const account = `/users/${encodeURIComponent(userId)}/connected-accounts/${id}`;
    const same = { origin: stack.url };
    expect((await asOperator(cookie, 'GET', account)).status).toBe(200);
    // A viewer sees the webhook endpoints and deliveries, and may neither send a test event nor retry one.
    const endpoints = await (await asOperator(cookie, 'GET', '/webhooks')).json();
    expect(endpoints.items).toMatchObject([{ url: stack.receiver.url, events: expect.any(Array) }]);
    const [delivery] = (await (await asOperator(cookie, 'GET', `/webhook-deliveries?accountId=${id}`)).json()).items;
    expect(delivery).toMatchObject({ accountId: id, status: 'pending' });
    const received = stack.receiver.received.length;
    for (const [method, path, body] of [
      ['POST', `${account}/refresh`, undefined],
      ['DELETE', account, undefined],
      ['POST', '/clients', '{"name":"x"}'],
      ['POST', `/webhooks/${endpoints.items[0].id}/test`, undefined],
      ['POST', `/webhook-deliveries/${delivery.id}/retry`, undefined],
    ] as const) {
      const refused = await fetch(`${stack.url}/v1/admin${path}`, {
        method,
        headers: { cookie: `tokenvault_operator=${cookie}`, 'content-type': 'application/json', ...same },
        ...(body && { body }),
      });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    }
    expect((await asOperator(cookie, 'GET', '/clients')).status).toBe(403);
    expect(stack.receiver.received.length, 'nothing posted to the endpoint').toBe(received);
    const [after] = (await (await asOperator(cookie, 'GET', `/webhook-deliveries?accountId=${id}`)).json()).items;
    expect(after).toEqual(delivery);
    // The account is still there, and the page shows neither button.
    expect(
      await stack.vault.vault.listAccounts('development', userId, { principal: 'cli', may: () => true }),
    ).toHaveLength(1);
    await page.click('a[href="#/accounts"]');
    await page.click(`button:has-text("${userId}")`);
    await page.waitForSelector('[data-field="expiresAt"]');
    await expect(page.locator('button:has-text("Refresh now")').count()).resolves.toBe(0);
    await expect(page.locator('button:has-text("Disconnect")').count()).resolves.toBe(0);
    await page.click('a[href="#/clients"]');
    await page.waitForSelector('text=Only admins of this environment manage service clients.');
    await page.click('a[href="#/webhooks"]');
    await page.waitForSelector(`tr[data-delivery="${delivery.id}"]`);
    await expect(page.locator('button:has-text("Send a test event")').count()).resolves.toBe(0);
    await expect(page.locator('button:has-text("Retry")').count()).resolves.toBe(0);
  });

  it('refuses a change without the dashboard Origin (CSRF), and a role in an environment the operator lacks', async () => {
    errors = [];
    ({ context } = await signIn(browser, stack, 'olga', errors));
    const cookie = (await operatorCookie())?.value ?? '';
    const { id, userId } = await stack.vault.link('csrf');
    const account = `/users/${encodeURIComponent(userId)}/connected-accounts/${id}`;
    for (const origin of [undefined, 'http://evil.test', 'null']) {
      const refused = await asOperator(cookie, 'DELETE', account, origin === undefined ? {} : { origin });
      expect(refused.status, `origin ${origin}`).toBe(403);
      expect((await refused.json()).message).toMatch(/Origin/);
    }
    const elsewhere = await asOperator(cookie, 'GET', '/connected-accounts', {
      'x-tokenvault-environment': 'production',
    });
    expect(elsewhere.status).toBe(403);
    const accounts = await stack.vault.vault.listAccounts('development', userId, { principal: 'cli', may: () => true });
    expect(accounts).toHaveLength(1);
    // With its own Origin, the operator's disconnect goes through and is audited as the operator.
    const done = await asOperator(cookie, 'DELETE', account, { origin: stack.url });
    expect(done.status).toBe(200);
    const audit = await asOperator(cookie, 'GET', `/audit?principal=operator%3Aolga&action=account.disconnected`);
    expect((await audit.json()).items).toMatchObject([{ principal: 'operator:olga', userId, accountId: id }]);
    // An operator may send a test event (with its own Origin only): signed, received, audited as the operator.
    const [endpoint] = (await (await asOperator(cookie, 'GET', '/webhooks')).json()).items;
    const test = `/webhooks/${endpoint.id}/test`;
    expect((await asOperator(cookie, 'POST', test, { origin: 'http://evil.test' })).status).toBe(403);
    const sent = await asOperator(cookie, 'POST', test, { origin: stack.url });
    expect(sent.status).toBe(200);
    const result = await sent.json();
    expect(result).toMatchObject({ delivered: true, status: 204, error: null });
    expect(stack.receiver.received.filter((hook) => hook.id === result.eventId)).toMatchObject([
      { payload: { type: 'webhook.test', data: { environment: 'development', sentBy: 'operator:olga' } } },
    ]);
    const tests = await asOperator(cookie, 'GET', `/audit?principal=operator%3Aolga&action=webhook.test`);
    expect((await tests.json()).items).toMatchObject([
      { result: 'ok', detail: { eventId: result.eventId, status: 204 } },
    ]);
  });

  it('signs out, and ends a session left idle past its timeout', async () => {
    errors = [];
    let page: Awaited<ReturnType<typeof signIn>>['page'];
    ({ context, page } = await signIn(browser, stack, 'ada', errors));
    const first = (await operatorCookie())?.value ?? '';
    await page.click('text=Sign out');
    await page.waitForSelector('a[href$="/dashboard/login"]');
    expect(await operatorCookie()).toBeUndefined();

    ({ page } = await signIn(browser, stack, 'ada', errors).then(async (signed) => {
      await context?.close();
      context = signed.context;
      return signed;
    }));
    const cookie = (await operatorCookie())?.value ?? '';
    expect((await asOperator(cookie, 'GET', '/operator-session')).status).toBe(200);
    stack.vault.clock.offsetMs += 31 * 60_000;
    try {
      expect(await (await asOperator(cookie, 'GET', '/operator-session')).json()).toEqual({ signedIn: false });
      expect((await asOperator(first, 'GET', '/connected-accounts')).status).toBe(401);
      await page.reload();
      await page.waitForSelector('a[href$="/dashboard/login"]');
    } finally {
      stack.vault.clock.offsetMs -= 31 * 60_000;
    }
  });

  it("maps by the provider's groups claim: a group a rule names gives its role, any other group gets nothing", async () => {
    errors = [];
    // No rule names gina by email or subject: only her vault-oncall group, in the ID token of a real sign-in.
    let page: Awaited<ReturnType<typeof signIn>>['page'];
    ({ context, page } = await signIn(browser, stack, 'gina', errors));
    await expect(page.textContent('[data-field="role"]')).resolves.toBe('gina@demo.tokenvault.local (operator)');
    const cookie = (await operatorCookie())?.value ?? '';
    expect(await (await asOperator(cookie, 'GET', '/operator-session')).json()).toMatchObject({
      principal: 'operator:gina',
      environments: [{ name: 'development', role: 'operator' }],
    });
    await context.close();

    // nora's only group is one no rule names: refused at the callback, no session.
    context = await browser.newContext();
    const refusedPage = await context.newPage();
    await refusedPage.goto(`${stack.url}/dashboard/login`);
    await demoLogin(refusedPage, 'nora');
    const [response] = await Promise.all([
      refusedPage.waitForResponse((r) => r.url().startsWith(`${stack.url}/dashboard/callback`)),
      refusedPage.click('button[type="submit"]'),
    ]);
    expect(response.status()).toBe(403);
    expect(await operatorCookie()).toBeUndefined();
  });

  it('refuses someone no rule names, after a real sign-in at the provider', async () => {
    errors = [];
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.url}/dashboard/login`);
    await demoLogin(page, 'eve');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(`${stack.url}/dashboard/callback`)),
      page.click('button[type="submit"]'),
    ]);
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden' });
    expect(await operatorCookie()).toBeUndefined();
  });
});
