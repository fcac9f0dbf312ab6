import { fileURLToPath } from 'node:url';
import { OPERATOR } from '@tokenvault/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { buildBundle, clickThatCloses } from './support/browser-app.js';
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

// The connect session behind the page: a link works once and for its lifetime only, a forged one not at all, and
// the page hands its result to the app that opened it as a popup (sdk-browser openConnect, React <ConnectButton>).
describe('connect page sessions', () => {
  let stack: ConnectPageStack;
  let browser: Browser;
  let context: BrowserContext;
  let errors: string[];
  let bundle: string;

  beforeAll(async () => {
    bundle = await buildBundle(fileURLToPath(new URL('./browser/connect-button-page.tsx', import.meta.url)));
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

  async function newPage(pages: Record<string, string> = {}): Promise<Page> {
    context = await browser.newContext();
    errors = [];
    await serveApp(context, pages);
    const page = await context.newPage();
    watchConsole(page, errors, stack.url);
    return page;
  }

  /** The browser logs the expected 401 of a used, forged or expired session as a failed resource; nothing else. */
  const unexpected = () => errors.filter((e) => !/status of 401/.test(e));

  it('refuses a forged token and a used one with the expired screen, and works in no other browser', async () => {
    const forged = await newPage();
    await forged.goto(`${stack.url}/connect#session=${'A'.repeat(43)}`);
    await forged.waitForSelector('[data-outcome="expired"]');
    await expectAccessible(forged, 'expired');
    await screenshot(forged, 'expired');
    expect(unexpected()).toEqual([]);
    await context.close();

    const { connectUrl } = await stack.createSession({ userId: 'u_once', returnUrl: `${APP_ORIGIN}/back` });
    const first = await newPage();
    await first.goto(connectUrl);
    await first.waitForSelector('button[data-provider="demo"]');
    const firstContext = context;
    // The same link in another browser: already used.
    const second = await newPage();
    await second.goto(connectUrl);
    await second.waitForSelector('[data-outcome="expired"]');
    expect(await second.$('[data-action="back"]')).toBeNull(); // nothing is known of a used link's app
    await context.close();
    // The first browser still has its session: a reload keeps working.
    context = firstContext;
    await first.reload();
    await first.waitForSelector('button[data-provider="demo"]');
  });

  it('shows the expired screen once the session lifetime is over, and links nothing after it', async () => {
    const { connectUrl } = await stack.createSession({
      userId: 'u_late',
      returnUrl: `${APP_ORIGIN}/back`,
      expiresInSeconds: 60,
    });
    const page = await newPage();
    await page.goto(connectUrl);
    await page.waitForSelector('button[data-provider="demo"]');
    stack.vault.clock.offsetMs += 61_000;
    try {
      // The page was open when the session ended: the click finds out before any popup goes to the provider.
      await page.click('button[data-provider="demo"]');
      await page.waitForSelector('[data-outcome="expired"]');
      await Promise.all([page.waitForURL(`${APP_ORIGIN}/**`), page.click('[data-action="back"]')]);
      expect(page.url()).toBe(`${APP_ORIGIN}/back?error=session_expired`);
      await page.goto(`${stack.url}/connect`);
      await page.waitForSelector('[data-outcome="expired"]');
    } finally {
      stack.vault.clock.offsetMs -= 61_000;
    }
    expect(await stack.vault.vault.listAccounts('development', 'u_late', OPERATOR)).toEqual([]);
    expect(unexpected()).toEqual([]);
  });

  it('offers only allowedProviders', async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_only', allowedProviders: ['shopify', 'plain'] });
    const page = await newPage();
    await page.goto(connectUrl);
    await page.waitForSelector('button[data-provider="shopify"]');
    const offered = await page.$$eval('button[data-provider]', (buttons) => buttons.map((b) => b.dataset.provider));
    expect(offered).toEqual(['plain', 'shopify']);
    expect(errors).toEqual([]);
  });

  it('posts the result to the app that opened it as a popup: <ConnectButton> and openConnect', async () => {
    const { connectUrl } = await stack.createSession({ userId: 'u_popup' });
    const appHtml = `<!doctype html><html lang="en"><title>App</title><body><div id="root"></div><p id="result"></p>
<script>window.CONNECT_URL = ${JSON.stringify(connectUrl)};</script><script type="module">${bundle}</script></body></html>`;
    const app = await newPage({ '/app': appHtml });
    await app.goto(`${APP_ORIGIN}/app`);
    const [connect] = await Promise.all([app.waitForEvent('popup'), app.click('#connect')]);
    watchConsole(connect, errors, stack.url);
    await connect.waitForSelector('button[data-provider="demo"]');
    const [consent] = await Promise.all([connect.waitForEvent('popup'), connect.click('button[data-provider="demo"]')]);
    await demoLogin(consent, 'olga');
    await Promise.all([consent.waitForEvent('close'), consent.click('button[type="submit"]')]);
    await connect.waitForSelector('[data-outcome="connected"]');
    await expect(connect.textContent('[data-action="back"]')).resolves.toBe('Back to Acme CRM');
    await clickThatCloses(connect, '[data-action="back"]');

    await app.waitForFunction(() => document.getElementById('result')?.textContent !== '');
    const [account] = await stack.vault.vault.listAccounts('development', 'u_popup', OPERATOR);
    expect(JSON.parse((await app.textContent('#result')) as string)).toEqual({
      connected: account?.id,
      provider: 'demo',
    });
    expect(errors).toEqual([]);
  });
});
