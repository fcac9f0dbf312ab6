import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackstageWindow } from './browser/backstage-page.js';
import { launchChromium } from './support/browser.js';
import { approveInPopup, type BrowserStack, buildBundle, startBrowserStack } from './support/browser-app.js';
import { sleep } from './support/net.js';

interface AppPage {
  page: Page;
  /** Every /refresh and /logout the page sent, and every popup it opened. */
  refreshes: string[];
  logouts: string[];
  popups: Page[];
  /** Every /start its popups loaded, and the provider's authorize requests they were sent on to. */
  starts: URL[];
  authorizes: URL[];
}

interface TokenRequest {
  scope?: string[];
  options?: { optional?: boolean; instantPopup?: boolean };
}

// The unmodified Backstage frontend client (@backstage/core-app-api 1.20.7) signs in, reloads, steps up, refreshes
// and signs out against the vault exactly as it does against Backstage's own auth-backend (docs/backstage.md).
describe('the real Backstage OAuth2 client against the vault', () => {
  let bundle: string;
  let browser: Browser;
  const stacks: BrowserStack[] = [];
  const contexts: BrowserContext[] = [];
  let stack: BrowserStack;

  beforeAll(async () => {
    bundle = await buildBundle(fileURLToPath(new URL('./browser/backstage-page.ts', import.meta.url)));
    browser = await launchChromium();
    stack = await newStack();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    for (const each of stacks) await each.close();
  });

  async function newStack(options: { accessTokenTtlSeconds?: number; providerScopes?: string[] } = {}) {
    const started = await startBrowserStack({ bundle, ...options });
    stacks.push(started);
    return started;
  }

  /** A fresh browser profile on the app's page, with the client loaded. */
  async function openApp(on: BrowserStack = stack): Promise<AppPage> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const app: AppPage = { page, refreshes: [], logouts: [], popups: [], starts: [], authorizes: [] };
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.href.startsWith(`${on.vaultUrl}/api/auth/demo/start?`)) app.starts.push(url);
      if (url.href.startsWith(`${on.demo.issuer}/auth?`)) app.authorizes.push(url);
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path === '/api/auth/demo/refresh') app.refreshes.push(request.url());
      if (path === '/api/auth/demo/logout') app.logouts.push(request.method());
    });
    page.on('popup', (popup) => app.popups.push(popup));
    await page.goto(on.appUrl);
    await page.waitForFunction(() => 'demoAuth' in window);
    return app;
  }

  const getAccessToken = (app: AppPage, { scope = [], options = {} }: TokenRequest = {}) =>
    app.page.evaluate(([s, o]) => (window as unknown as BackstageWindow).demoAuth.getAccessToken(s, o), [
      scope,
      options,
    ] as const);

  /** Asks for a token the user must consent to, and plays the user in the popup. */
  async function signIn(app: AppPage, login: string, request: TokenRequest = {}) {
    const starts = app.starts.length;
    const token = getAccessToken(app, request);
    await approveInPopup(await app.page.waitForEvent('popup'), login);
    expect(app.starts.length).toBe(starts + 1);
    return { token: await token, start: app.starts[starts] as URL, authorize: app.authorizes.at(-1) as URL };
  }

  async function providerAccepts(on: BrowserStack, token: string) {
    const response = await fetch(`${on.demo.issuer}/me`, { headers: { authorization: `Bearer ${token}` } });
    return response.status;
  }

  it('answers an optional call with no session with an empty token, without a popup', async () => {
    const app = await openApp();
    await expect(getAccessToken(app, { options: { optional: true } })).resolves.toBe('');
    expect(app.refreshes).toHaveLength(1); // it asked, and was told there is no session
    expect(app.popups).toHaveLength(0);
  });

  it('signs in through the popup and gets a token the provider accepts', async () => {
    const app = await openApp();
    const { token, start } = await signIn(app, 'ada');
    expect(`${start.origin}${start.pathname}`).toBe(`${stack.vaultUrl}/api/auth/demo/start`);
    expect(start.searchParams.get('origin')).toBe(stack.appUrl);
    expect(token).not.toBe('');
    expect(await providerAccepts(stack, token)).toBe(200);
  });

  it('serves a second call from memory, without asking the vault', async () => {
    const app = await openApp();
    const { token } = await signIn(app, 'bob');
    const before = app.refreshes.length;
    await expect(getAccessToken(app)).resolves.toBe(token);
    expect(app.refreshes.length).toBe(before);
  });

  it('signs in again silently after a reload: /refresh gives a token, no popup', async () => {
    // The page forgot everything; the HttpOnly handle cookie is all that is left.
    const app = await openApp();
    await signIn(app, 'cy');
    await app.page.reload();
    await app.page.waitForFunction(() => 'demoAuth' in window);
    const refreshesBefore = app.refreshes.length;
    const token = await getAccessToken(app, { options: { optional: true } });
    expect(token).not.toBe('');
    expect(app.refreshes.length).toBe(refreshesBefore + 1);
    expect(app.popups).toHaveLength(1); // the sign-in's only
    expect(await providerAccepts(stack, token)).toBe(200);
  });

  it('rejects the call when the user rejects the dialog, without a popup', async () => {
    const app = await openApp();
    await app.page.evaluate(() => {
      (window as unknown as BackstageWindow).dialogMode = 'reject';
    });
    const outcome = await app.page.evaluate(() =>
      (window as unknown as BackstageWindow).demoAuth.getAccessToken().then(
        () => 'resolved',
        (error: Error) => `${error.name}: ${error.message}`,
      ),
    );
    expect(outcome).toBe('RejectedError: Login failed, rejected by user');
    expect(app.popups).toHaveLength(0);
  });

  it('opens the popup directly with instantPopup, without the dialog', async () => {
    // The dialog would reject; the popup opens anyway, because instantPopup skips it.
    const app = await openApp();
    await app.page.evaluate(() => {
      (window as unknown as BackstageWindow).dialogMode = 'reject';
    });
    const { token } = await signIn(app, 'dee', { options: { instantPopup: true } });
    expect(await providerAccepts(stack, token)).toBe(200);
    expect(await app.page.evaluate(() => (window as unknown as BackstageWindow).dialogShown)).toBe(0);
  });

  it('signs out with POST /logout; an optional call afterwards is empty', async () => {
    const app = await openApp();
    await signIn(app, 'eve');
    await app.page.evaluate(() => (window as unknown as BackstageWindow).demoAuth.signOut());
    expect(app.logouts).toEqual(['POST']);
    await expect(getAccessToken(app, { options: { optional: true } })).resolves.toBe('');
    expect(app.popups).toHaveLength(1);
  });

  it('refreshes a token near its expiry through /refresh, with no popup', async () => {
    // Backstage refreshes when under 3 minutes remain, so with 8 s tokens every call asks the vault; the vault
    // refreshes once under half the lifetime remains.
    const short = await newStack({ accessTokenTtlSeconds: 8 });
    const app = await openApp(short);
    const { token } = await signIn(app, 'fay');
    const before = app.refreshes.length;
    await expect(getAccessToken(app)).resolves.toEqual(expect.any(String));
    expect(app.refreshes.length).toBe(before + 1);
    await sleep(5_000); // past half of the 8 s lifetime
    const fresh = await getAccessToken(app);
    expect(app.refreshes.length).toBe(before + 2);
    expect(fresh).not.toBe(token);
    expect(await providerAccepts(short, fresh)).toBe(200);
    expect(short.demo.stats.refreshGrants).toBeGreaterThan(0);
    expect(app.popups).toHaveLength(1);
  });

  it('keeps the scopes already held on a step-up (the client forgets them: it asks only for the new ones)', async () => {
    // The vault asks the provider for `openid` only, so `email` is held only because the user once asked for it.
    // On the step-up to `profile` the client opens /start with `openid profile`, having dropped its session;
    // the vault must ask the provider for `email` as well, or the user loses it and is asked again.
    const narrow = await newStack({ providerScopes: ['openid'] });
    const app = await openApp(narrow);
    const first = await signIn(app, 'gus', { scope: ['email'] });
    expect(first.start.searchParams.get('scope')).toBe('openid email');
    await sleep(300); // the named popup window must be gone before the next flow reuses its name (Backstage opens every popup under one window name)

    const stepUp = await signIn(app, 'gus', { scope: ['profile'] });
    expect(stepUp.start.searchParams.get('scope')).toBe('openid profile');
    expect(stepUp.authorize.searchParams.get('scope')?.split(' ').sort()).toEqual(['email', 'openid', 'profile']);

    const popups = app.popups.length;
    const held = await getAccessToken(app, { scope: ['openid', 'email'], options: { optional: true } });
    expect(held).not.toBe('');
    await app.page.reload(); // and the vault, not only the page's memory, holds the union
    await app.page.waitForFunction(() => 'demoAuth' in window);
    const all = { scope: ['openid', 'email', 'profile'], options: { optional: true } };
    expect(await getAccessToken(app, all)).not.toBe('');
    expect(app.popups.length).toBe(popups);
  });
});
