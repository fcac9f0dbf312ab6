import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackstageWindow } from './browser/backstage-page.js';
import { launchChromium } from './support/browser.js';
import { approveInPopup, type BrowserStack, buildBundle, startBrowserStack } from './support/browser-app.js';
import { readPopupPage } from './support/popup-page.js';

const VAULT_COOKIES: Record<string, string> = {
  tokenvault_session: '/',
  'demo-refresh-token': '/api/auth/demo',
  'demo-nonce': '/api/auth/demo/handler',
};

interface Received {
  origin: string;
  data: { type?: string };
}

// What a browser can see or be made to do: no CSRF on /refresh or /logout, no redirect to a foreign origin, the
// token posted to the exact app origin only, cookies the page cannot read, no provider token in any browser
// storage, and a callback that works once.
describe('browser security of the Backstage-compatible flow', () => {
  let browser: Browser;
  let stack: BrowserStack;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const bundle = await buildBundle(fileURLToPath(new URL('./browser/backstage-page.ts', import.meta.url)));
    [browser, stack] = await Promise.all([launchChromium(), startBrowserStack({ bundle })]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.close();
  });

  async function openPage(url = stack.appUrl): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  const getAccessToken = (page: Page, optional = false) =>
    page.evaluate((o) => (window as unknown as BackstageWindow).demoAuth.getAccessToken([], { optional: o }), optional);

  /** Signs in with the real client; `whileAtProvider` runs while the popup shows the provider's login page. */
  async function signIn(page: Page, login: string, whileAtProvider?: () => Promise<void>) {
    const token = getAccessToken(page);
    const popup = await page.waitForEvent('popup');
    await popup.waitForSelector('input[name="login"]');
    await whileAtProvider?.();
    await approveInPopup(popup, login);
    return token;
  }

  /** A fetch from the page, with its cookies: the status, or the error when the browser refuses the response. */
  const fetchFrom = (page: Page, url: string, init: RequestInit) =>
    page.evaluate(
      ([u, i]) =>
        fetch(u, { ...i, credentials: 'include' }).then(
          (response) => response.status,
          (error: Error) => error.name,
        ),
      [url, init] as const,
    );

  it('refuses /refresh and /logout from the page without X-Requested-With, and other origins entirely', async () => {
    // The header is the CSRF defence: a form post or an image cannot set it, and CORS stops other origins.
    const page = await openPage();
    await signIn(page, 'csrf');
    const refresh = `${stack.vaultUrl}/api/auth/demo/refresh?env=development&scope=openid`;
    const logout = `${stack.vaultUrl}/api/auth/demo/logout?env=development`;
    const xhr = { 'x-requested-with': 'XMLHttpRequest' };
    expect(await fetchFrom(page, refresh, {})).toBe(401);
    expect(await fetchFrom(page, logout, { method: 'POST' })).toBe(401);
    expect(await fetchFrom(page, refresh, { headers: xhr })).toBe(200); // still signed in
    const foreign = await page.context().newPage();
    await foreign.goto(stack.appUrl.replace('127.0.0.1', 'localhost'));
    expect(await fetchFrom(foreign, refresh, { headers: xhr })).toBe('TypeError'); // the preflight is refused
  });

  it.each([
    ['a foreign origin', () => `origin=${encodeURIComponent('https://evil.example')}&flow=popup`],
    [
      'the app’s port on another host',
      (app: string) => `origin=${encodeURIComponent(app.replace('127.0.0.1', 'localhost'))}`,
    ],
    [
      'a foreign redirectUrl',
      (app: string) =>
        `origin=${encodeURIComponent(app)}&flow=redirect&redirectUrl=${encodeURIComponent('https://evil.example/')}`,
    ],
  ])('a /start with %s is a 403 that sends the browser nowhere', async (_, query) => {
    const page = await openPage();
    const url = `${stack.vaultUrl}/api/auth/demo/start?scope=openid&env=development&${query(stack.appUrl)}`;
    const response = await page.goto(url);
    expect(response?.status()).toBe(403);
    expect(response?.request().redirectedFrom()).toBeNull();
    expect(await response?.headerValue('location')).toBeNull();
    expect(page.url()).toBe(url);
    const names = (await page.context().cookies()).map((cookie) => cookie.name);
    expect(names).not.toContain('demo-nonce');
  });

  it('posts the token to the exact app origin only: an opener on another origin gets config_info, no token', async () => {
    // A page on localhost (another origin, same port) opens the popup claiming the app's origin.
    const foreign = await openPage(stack.appUrl.replace('127.0.0.1', 'localhost'));
    const start = `${stack.vaultUrl}/api/auth/demo/start?scope=openid&origin=${encodeURIComponent(stack.appUrl)}&flow=popup&env=development`;
    await foreign.evaluate((url) => {
      const received: Received[] = [];
      Object.assign(window, { received });
      window.addEventListener('message', (event) => received.push({ origin: event.origin, data: event.data }));
      window.open(url, 'Demo Login');
    }, start);
    await approveInPopup(await foreign.waitForEvent('popup'), 'mallory');
    // Both messages are posted before the page closes itself; by now the first has certainly arrived.
    await foreign.waitForFunction(() =>
      (window as unknown as { received: Received[] }).received.some((m) => m.data.type === 'config_info'),
    );
    const received = await foreign.evaluate(() => (window as unknown as { received: Received[] }).received);
    expect(received).toEqual([{ origin: stack.vaultUrl, data: { type: 'config_info', targetOrigin: stack.appUrl } }]);
    // The flow did complete: the real app in this browser gets the token that was withheld from the opener.
    const app = await foreign.context().newPage();
    await app.goto(stack.appUrl);
    const token = await getAccessToken(app, true);
    expect(token).not.toBe('');
    expect(JSON.stringify(received)).not.toContain(token);
  });

  it('keeps every vault cookie HttpOnly, Lax, host-only and path-scoped, and no provider token in the browser', async () => {
    const page = await openPage();
    const context = page.context();
    const setCookies: Promise<string[]>[] = [];
    context.on('response', (response) => {
      if (response.url().startsWith(stack.vaultUrl)) setCookies.push(response.headerValues('set-cookie'));
    });
    const token = await signIn(page, 'jar', async () => {
      // Mid-flow: the nonce cookie exists, for the callback path only, for 10 minutes.
      const nonce = (await context.cookies()).find((cookie) => cookie.name === 'demo-nonce');
      expect(nonce).toMatchObject({ path: '/api/auth/demo/handler', httpOnly: true, sameSite: 'Lax' });
      const lifetime = (nonce?.expires ?? 0) - Date.now() / 1000;
      expect(lifetime > 0 && lifetime <= 600).toBe(true);
    });

    const headers = (await Promise.all(setCookies)).flat();
    const set = headers.filter((header) => !/max-age=0/i.test(header)); // the cleared nonce is checked below
    expect(set.map((header) => header.split('=')[0]).sort()).toEqual(Object.keys(VAULT_COOKIES).sort());
    for (const header of set) {
      const [name = '', ...attributes] = header.split(';').map((part) => part.trim().toLowerCase());
      expect(attributes).toContain(`path=${VAULT_COOKIES[name.split('=')[0] as string]}`);
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    }
    const names = (await context.cookies()).map((cookie) => cookie.name);
    expect(names).toEqual(expect.arrayContaining(['tokenvault_session', 'demo-refresh-token']));
    expect(names).not.toContain('demo-nonce'); // cleared by the callback

    const refreshTokens = stack.demo.issuedRefreshTokens();
    expect(refreshTokens.length).toBeGreaterThan(0);
    const inPage = await page.evaluate(() =>
      JSON.stringify([document.cookie, { ...localStorage }, { ...sessionStorage }]),
    );
    const everything = `${inPage}\n${JSON.stringify(await context.storageState())}`;
    for (const secret of [token, ...refreshTokens]) expect(everything).not.toContain(secret);
  });

  it('completes a callback once: replaying the same state and code fails, with or without the nonce', async () => {
    const page = await openPage();
    const context = page.context();
    const callbacks: string[] = [];
    context.on('request', (request) => {
      if (request.url().startsWith(`${stack.vaultUrl}/api/auth/demo/handler/frame?`)) callbacks.push(request.url());
    });
    await signIn(page, 'replay');
    expect(callbacks).toHaveLength(1);
    const callback = callbacks[0] as string;
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('demo-nonce');
    const tokenRequests = stack.demo.stats.tokenRequests;

    const replay = await context.newPage();
    const failed = async (why: RegExp) => {
      const response = await replay.goto(callback);
      const { targetOrigin, message } = readPopupPage((await response?.text()) ?? '');
      expect(targetOrigin).toBe(stack.appUrl);
      expect(message).toEqual({
        type: 'authorization_response',
        error: { name: 'invalid_state', message: expect.stringMatching(why) },
      });
    };
    await failed(/nonce cookie/); // the nonce cookie is gone
    const nonce = new URLSearchParams(
      Buffer.from(new URL(callback).searchParams.get('state') ?? '', 'hex').toString(),
    ).get('nonce');
    await context.addCookies([
      { name: 'demo-nonce', value: nonce ?? '', domain: '127.0.0.1', path: VAULT_COOKIES['demo-nonce'] as string },
    ]);
    await failed(/already completed/); // the flow was consumed
    expect(stack.demo.stats.tokenRequests).toBe(tokenRequests); // the code never went back to the provider
  });
});
