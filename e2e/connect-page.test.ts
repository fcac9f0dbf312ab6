import { OPERATOR } from '@tokenvault/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import {
  type ConnectPageStack,
  demoLogin,
  expectAccessible,
  screenshot,
  serveApp,
  startConnectPageStack,
  watchConsole,
} from './support/connect-page.js';
import { APP_ORIGIN } from './support/in-process-vault.js';

const RETURN_URL = `${APP_ORIGIN}/settings?tab=accounts`;

// The hosted connect page in Chromium: an app backend mints a connect session, the browser opens connectUrl, the
// user picks a provider, consents in a popup (or by redirect) and lands back in the app. Accounts attach to the
// session's user only.
describe('the hosted connect page', () => {
  let stack: ConnectPageStack;
  let browser: Browser;
  let context: BrowserContext;
  let errors: string[];
  /** Every URL the browser asked for: the connect-session token must be in none of them. */
  let requested: string[];

  beforeAll(async () => {
    stack = await startConnectPageStack();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(
    connectUrl: string,
    options: { blockPopups?: boolean; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> {
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 } });
    errors = [];
    requested = [];
    if (options.blockPopups) await context.addInitScript('window.open = function () { return null; };');
    await serveApp(context);
    context.on('request', (request) => {
      requested.push(request.url());
      const referer = request.headers().referer;
      if (referer) requested.push(referer);
    });
    const page = await context.newPage();
    watchConsole(page, errors, stack.url);
    await page.goto(connectUrl);
    return page;
  }

  const accountsOf = (userId: string) => stack.vault.vault.listAccounts('development', userId, OPERATOR);

  it('connects the demo provider in a popup and goes back to returnUrl with the account id', async () => {
    const { token, connectUrl } = await stack.createSession({ userId: 'u_page', returnUrl: RETURN_URL });
    expect(connectUrl).toBe(`${stack.url}/connect#session=${token}`);
    const page = await open(connectUrl);
    await expect(page.textContent('h1')).resolves.toBe('Connect an account to Acme CRM');
    // The token left the address bar at once; a reload reads the session cookie.
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await page.waitForSelector('button[data-provider="demo"]');
    await expectAccessible(page, 'choose');
    await screenshot(page, 'choose');

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="demo"]')]);
    await demoLogin(popup, 'pia');
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
    await page.waitForSelector('[data-outcome="connected"]');
    await expect(page.textContent('h1')).resolves.toBe('Demo connected');
    await expectAccessible(page, 'connected');
    await screenshot(page, 'connected');

    const [account] = await accountsOf('u_page');
    expect(account?.providerAccountId).toBe('pia');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('[data-action="back"]')]);
    expect(page.url()).toBe(`${RETURN_URL}&connected=${account?.id}`);

    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    expect(stack.vault.logs.filter((line) => line.includes(token))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('asks for the shop by keyboard at phone width, checks it with the preset pattern, and links a second account', async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_shop', returnUrl: RETURN_URL });
    const page = await open(connectUrl, { viewport: { width: 360, height: 740 } });
    await page.waitForSelector('button[data-provider="shopify"]');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'choose at 360 px');
    await screenshot(page, 'choose-360');

    // Keyboard only: Tab to Shopify, Enter, type the shop, Enter.
    await tabTo(page, 'button[data-provider="shopify"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tv-param-shop');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    await tabTo(page, '#tv-param-shop');
    await page.keyboard.type('Not A Shop!');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#tv-param-shop-error');
    expect(await page.getAttribute('#tv-param-shop', 'aria-invalid')).toBe('true');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tv-param-shop');
    await expectAccessible(page, 'per-account value, refused');
    await screenshot(page, 'shop-refused-360');
    expect(stack.shop.tenants).toEqual([]); // the bad value never left the page

    await page.fill('#tv-param-shop', 'acme-store');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
    await popup.waitForEvent('close');
    await page.waitForSelector('[data-outcome="connected"]');
    await expect(page.textContent('[data-outcome="connected"]')).resolves.toContain('Quinn');
    expect(stack.shop.tenants).toContain('acme-store');

    // "Connect another": a second account of the same provider for the same user.
    for (const login of ['ana', 'ben']) {
      // Signed out at the demo provider (its session cookie), so the next login is another person.
      await context.clearCookies({ name: /^_session/ });
      await page.click('[data-action="try-again"]');
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="demo"]')]);
      await demoLogin(popup, login);
      await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
      await page.waitForSelector('[data-outcome="connected"]');
    }
    const accounts = await accountsOf('u_shop');
    expect(accounts.map((a) => `${a.provider}:${a.providerAccountId}`).sort()).toEqual([
      'demo:ana',
      'demo:ben',
      'shopify:acct-1',
    ]);
    await page.click('[data-action="try-again"]');
    await expect(page.textContent('button[data-provider="demo"]')).resolves.toContain('2 connected');
    await expect(page.textContent('.tv-accounts')).resolves.toContain('Quinn');
    await expectAccessible(page, 'already connected, at 360 px');
    await screenshot(page, 'accounts-360');
    expect(errors).toEqual([]);
  });

  it('shows a denied consent and hands ?error=consent_denied back to the app', async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_denied', returnUrl: RETURN_URL });
    const page = await open(connectUrl);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="demo"]')]);
    await demoLogin(popup, 'dan');
    await Promise.all([popup.waitForEvent('close'), popup.click('a[href$="/abort"]')]);
    await page.waitForSelector('[data-outcome="denied"]');
    await expectAccessible(page, 'denied');
    await screenshot(page, 'denied');
    expect(await accountsOf('u_denied')).toEqual([]);
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('[data-action="back"]')]);
    expect(page.url()).toBe(`${RETURN_URL}&error=consent_denied`);
    expect(errors).toEqual([]);
  });

  it("shows the provider's error, and the page can try again", async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_error' });
    const page = await open(connectUrl);
    await page.click('button[data-provider="shopify"]');
    await page.fill('#tv-param-shop', 'broken-store');
    stack.shop.nextAnswer(400, { error: 'invalid_client' });
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[type="submit"]')]);
    await popup.waitForEvent('close');
    await page.waitForSelector('[data-outcome="error"]');
    await expect(page.textContent('.tv-detail')).resolves.toContain('invalid_client');
    // No returnUrl and no opener: nowhere to go back to, so no such button.
    expect(await page.$('[data-action="back"]')).toBeNull();
    await expectAccessible(page, 'provider error');
    await screenshot(page, 'provider-error');
    await page.click('[data-action="try-again"]');
    await page.waitForSelector('#tv-param-shop');
    expect(errors).toEqual([]);
  });

  it('falls back to a full-page redirect when popups are blocked, and comes back to the page', async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_redirect', returnUrl: RETURN_URL });
    const page = await open(connectUrl, { blockPopups: true });
    await page.click('button[data-provider="demo"]');
    await demoLogin(page, 'rita');
    await Promise.all([page.waitForURL(`${stack.url}/connect?**`), page.click('button[type="submit"]')]);
    await page.waitForSelector('[data-outcome="connected"]');
    const [account] = await accountsOf('u_redirect');
    expect(account?.providerAccountId).toBe('rita');
    await expect(page.textContent('[data-outcome="connected"]')).resolves.toContain('rita');
    expect(new URL(page.url()).search).toBe(''); // the result left the address bar
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('[data-action="back"]')]);
    expect(page.url()).toBe(`${RETURN_URL}&connected=${account?.id}`);
    expect(errors).toEqual([]);
  });
});

/** Presses Tab until `selector` has the focus (at most 30 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}
