import { OPERATOR } from '@tokenvault/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import {
  type ConnectPageStack,
  demoLogin,
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

  async function open(connectUrl: string, options: { blockPopups?: boolean } = {}): Promise<Page> {
    context = await browser.newContext();
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
    watchConsole(page, errors);
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
    await screenshot(page, 'choose');

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="demo"]')]);
    await demoLogin(popup, 'pia');
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
    await page.waitForSelector('[data-outcome="connected"]');
    await expect(page.textContent('h1')).resolves.toBe('Demo connected');
    await screenshot(page, 'connected');

    const [account] = await accountsOf('u_page');
    expect(account?.providerAccountId).toBe('pia');
    await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('[data-action="back"]')]);
    expect(page.url()).toBe(`${RETURN_URL}&connected=${account?.id}`);

    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    expect(stack.vault.logs.filter((line) => line.includes(token))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
