import { fileURLToPath } from 'node:url';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from './browser/sdk-page.js';
import { launchChromium } from './support/browser.js';
import {
  approveInPopup,
  type BrowserStack,
  buildBundle,
  denyInPopup,
  startBrowserStack,
} from './support/browser-app.js';

/** One browser profile on the app's page, with what it sent to the vault and the popups it opened. */
interface App {
  context: BrowserContext;
  page: Page;
  /** Every /refresh the page sent, with the status it got. */
  refreshes: number[];
  /** The `scope` of every /start the popups loaded. */
  starts: string[];
  popups: Page[];
}

// @tokenvault/sdk-browser in real Chromium, against a real `tokenvault serve` and the real demo OpenID provider:
// Backstage's OAuthApi behaviour (optional, instantPopup, silent refresh, step-up, one popup for many calls), tokens
// in memory only.
describe('@tokenvault/sdk-browser in Chromium', () => {
  let bundle: string;
  let stack: BrowserStack;
  let browser: Browser;
  const stacks: BrowserStack[] = [];
  const apps: App[] = [];
  /** Every provider token the page handed out, looked for in browser storage at the end. */
  const tokens = new Set<string>();

  beforeAll(async () => {
    bundle = await buildBundle(fileURLToPath(new URL('./browser/sdk-page.ts', import.meta.url)));
    stack = await startBrowserStack({ bundle });
    stacks.push(stack);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const app of apps) await app.context.close();
    await browser?.close();
    for (const started of stacks) await started.close();
  });

  async function openApp(on: BrowserStack = stack): Promise<App> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const app: App = { context, page, refreshes: [], starts: [], popups: [] };
    apps.push(app);
    context.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname === '/api/auth/demo/refresh' && response.request().method() !== 'OPTIONS') {
        app.refreshes.push(response.status());
      }
    });
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/auth/demo/start') app.starts.push(url.searchParams.get('scope') ?? '');
    });
    page.on('popup', (popup) => app.popups.push(popup));
    await page.goto(on.appUrl);
    await page.waitForFunction(() => window.sdk !== undefined);
    return app;
  }

  /** Runs `call` in the page, plays the user in the popup it opens, and returns the call's outcome. */
  async function withPopup(
    app: App,
    call: () => Promise<Outcome>,
    play: (popup: Page) => Promise<void> = (popup) => approveInPopup(popup, 'ann'),
  ): Promise<Outcome> {
    const popup = app.page.waitForEvent('popup');
    const outcome = call();
    await play(await popup);
    return outcome;
  }

  const token = (app: App, scope?: string | string[], options: { optional?: boolean; instantPopup?: boolean } = {}) =>
    app.page.evaluate(([s, o]) => window.sdk.settle(window.sdk.demo.getAccessToken(s, o)), [scope, options] as const);

  async function expectWorking(outcome: Outcome, on: BrowserStack = stack): Promise<string> {
    expect(outcome.error).toBeUndefined();
    const value = outcome.value as string;
    tokens.add(value);
    const me = await fetch(`${on.demo.issuer}/me`, { headers: { authorization: `Bearer ${value}` } });
    expect(me.status).toBe(200);
    return value;
  }

  describe('one browser, from no session to signed out', () => {
    let app: App;
    let first: string;

    it('answers an optional call with no session with "" and opens no popup', async () => {
      // optional never prompts: the silent /refresh says 401, so the call resolves ''.
      app = await openApp();
      expect(await token(app, undefined, { optional: true })).toEqual({ value: '' });
      expect(app.refreshes).toEqual([401]);
      expect(app.popups).toHaveLength(0);
    });

    it('logs in through the popup, after the app prompt, and gets a token the provider accepts', async () => {
      // A non-optional call without a session asks the app's prompt, then opens the popup; its token works upstream.
      first = await expectWorking(await withPopup(app, () => token(app)));
      expect(app.popups).toHaveLength(1);
      expect(await app.page.evaluate(() => window.sdk.dialog.asked)).toEqual([['openid']]);
    });

    it('serves later calls from memory, with the ID token and profile, without /refresh', async () => {
      // A fresh token holding every requested scope needs no request at all.
      const sent = app.refreshes.length;
      expect(await token(app)).toEqual({ value: first });
      expect(await token(app, 'openid profile, email|offline_access')).toEqual({ value: first });
      const idToken = await app.page.evaluate(() => window.sdk.demo.getIdToken());
      expect(idToken).toMatch(/^ey/);
      tokens.add(idToken);
      expect(await app.page.evaluate(() => window.sdk.demo.getProfile())).toMatchObject({
        displayName: 'ann',
        email: 'ann@demo.tokenvault.local',
      });
      expect(app.refreshes).toHaveLength(sent);
    });

    it('finds the session again after a reload with one silent /refresh, without a popup', async () => {
      // Memory is gone after a reload; the vault's HttpOnly session cookie brings the token back.
      await app.page.reload();
      await app.page.waitForFunction(() => window.sdk !== undefined);
      const sent = app.refreshes.length;
      await expectWorking(await token(app, undefined, { optional: true }));
      expect(app.refreshes.slice(sent)).toEqual([200]);
      expect(app.popups).toHaveLength(1);
    });

    it('after signOut, an optional call is "" again', async () => {
      // signOut drops this browser's vault session and the page's memory; nothing silently signs back in.
      await app.page.evaluate(() => window.sdk.demo.signOut());
      expect(await token(app, undefined, { optional: true })).toEqual({ value: '' });
      expect(app.refreshes.at(-1)).toBe(401);
      expect(app.popups).toHaveLength(1);
    });
  });

  it('steps up with one popup whose /start keeps every held scope, and never returns a token without the new one', async () => {
    // Holding openid, asking for a scope not held opens one consent asking for what is held plus the new scope
    // (Backstage's client drops the held ones here). The vault adds its configured scopes to every login, so `email`
    // is already held after the first one; the demo provider never grants `calendar`, so that call fails rather
    // than return a token lacking it, and what is held is still served from memory.
    const app = await openApp();
    await expectWorking(await withPopup(app, () => token(app)));
    expect(app.starts).toEqual(['openid']);
    await expectWorking(await token(app, 'email'));
    expect(app.popups).toHaveLength(1);

    const outcome = await withPopup(app, () => token(app, 'calendar'));
    expect(outcome.error).toMatchObject({ code: 'rejected', message: 'the login did not grant calendar' });
    expect(app.popups).toHaveLength(2);
    expect(app.starts[1]?.split(' ').sort()).toEqual(['calendar', 'email', 'offline_access', 'openid', 'profile']);
    const sent = app.refreshes.length;
    await expectWorking(await token(app, ['openid', 'email'], { optional: true }));
    expect(app.refreshes).toHaveLength(sent);
    expect(app.popups).toHaveLength(2);
  });

  it('steps up from openid to email with one popup, and both are held afterwards, across a reload', async () => {
    // A vault that asks the provider for `openid` only: `email` is held only because this step-up asked for it.
    const narrow = await startBrowserStack({ bundle, providerScopes: ['openid'] });
    stacks.push(narrow);
    const app = await openApp(narrow);
    await expectWorking(await withPopup(app, () => token(app)), narrow);
    await expectWorking(await withPopup(app, () => token(app, 'email')), narrow);
    expect(app.starts.map((scope) => scope.split(' ').sort().join(' '))).toEqual(['openid', 'email openid']);
    await expectWorking(await token(app, ['openid', 'email'], { optional: true }), narrow);
    expect(app.popups).toHaveLength(2);
    await app.page.reload();
    await app.page.waitForFunction(() => window.sdk !== undefined);
    await expectWorking(await token(app, ['openid', 'email'], { optional: true }), narrow);
    expect(app.popups).toHaveLength(2);
  });

  it('binds the browser to the app’s user with a connect session, so the account it links is that user’s', async () => {
    // The app's backend asks for a token for u_42; the page redeems it; the popup's account belongs to u_42.
    const jwt = await signServiceToken(parseAccessKey(stack.accessKey), { baseUrl: stack.vaultUrl });
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${stack.vaultUrl}${path}`, { ...init, headers: { authorization: `Bearer ${jwt}` } });
    const created = await call('/v1/connect-sessions', {
      method: 'POST',
      body: JSON.stringify({ userId: 'u_42', provider: 'demo' }),
    });
    const { token: connectToken } = await created.json();
    const app = await openApp();
    const bound = await app.page.evaluate(
      (t) => window.sdk.settle(window.sdk.vault.redeemConnectSession(t)),
      connectToken,
    );
    expect(bound.value).toMatchObject({ userId: 'u_42', provider: 'demo' });
    await expectWorking(
      await withPopup(
        app,
        () => token(app),
        (popup) => approveInPopup(popup, 'kai'),
      ),
    );
    const listed = await (await call('/v1/users/u_42/connected-accounts')).json();
    expect(listed.items.map((a: { providerAccountId: string }) => a.providerAccountId)).toEqual(['kai']);
    // Single-use: the same token again is refused with a typed error.
    const again = await app.page.evaluate(
      (t) => window.sdk.settle(window.sdk.vault.redeemConnectSession(t)),
      connectToken,
    );
    expect(again.error).toMatchObject({ classes: ['VaultAuthError'], code: 'connect_session_failed' });
  });

  describe('failed logins', () => {
    let app: App;
    beforeAll(async () => {
      app = await openApp();
    });

    it('reports a refused consent as RejectedError', async () => {
      // The provider's access_denied is the user's refusal, not a broken popup.
      const outcome = await withPopup(
        app,
        () => token(app),
        (popup) => denyInPopup(popup, 'bob'),
      );
      expect(outcome.error).toMatchObject({ classes: ['VaultAuthError', 'RejectedError'], code: 'rejected' });
    });

    it('reports a popup the user closed as PopupClosedError', async () => {
      const outcome = await withPopup(
        app,
        () => token(app),
        (popup) => popup.close(),
      );
      expect(outcome.error).toMatchObject({ classes: ['VaultAuthError', 'PopupClosedError'], code: 'popup_closed' });
      expect(outcome.error?.message).toBe('the popup was closed before signing in');
    });

    it('reports a blocked popup (window.open answering null) as PopupBlockedError', async () => {
      await app.page.evaluate(() => {
        window.open = () => null;
      });
      const outcome = await token(app);
      expect(outcome.error).toMatchObject({ classes: ['VaultAuthError', 'PopupBlockedError'], code: 'popup_blocked' });
      await app.page.reload();
      await app.page.waitForFunction(() => window.sdk !== undefined);
    });

    it('reports a rejected app prompt as RejectedError and opens no popup', async () => {
      // The prompt comes before the popup: refusing it must not open one.
      const popups = app.popups.length;
      await app.page.evaluate(() => {
        window.sdk.dialog.answer = 'reject';
      });
      const outcome = await token(app);
      expect(outcome.error).toMatchObject({ classes: ['VaultAuthError', 'RejectedError'], code: 'rejected' });
      expect(app.popups).toHaveLength(popups);
    });

    it('opens the popup at once with instantPopup, without asking the app prompt', async () => {
      // instantPopup is for a click handler: window.open must come before any await, so no prompt (and no /refresh).
      const asked = await app.page.evaluate(() => window.sdk.dialog.asked.length);
      const sent = app.refreshes.length;
      await expectWorking(await withPopup(app, () => token(app, undefined, { instantPopup: true })));
      expect(await app.page.evaluate(() => window.sdk.dialog.asked.length)).toBe(asked);
      expect(app.refreshes).toHaveLength(sent);
    });
  });

  it('gives two concurrent calls one /refresh, one popup and one token', async () => {
    // Calls in flight together collapse: the second joins the first's refresh and login.
    const app = await openApp();
    const both = withPopup(app, () =>
      app.page.evaluate(() =>
        window.sdk.settle(Promise.all([window.sdk.demo.getAccessToken(), window.sdk.demo.getAccessToken('openid')])),
      ),
    );
    const [a, b] = (await both).value as [string, string];
    expect(a).toBe(b);
    await expectWorking({ value: a });
    expect(app.popups).toHaveLength(1);
    expect(app.refreshes).toEqual([401]);
    expect(await app.page.evaluate(() => window.sdk.dialog.asked)).toHaveLength(1);
  });

  it('logs in with the redirect flow, and the page finds the session through /refresh when it comes back', async () => {
    // flow: 'redirect' sends the whole page to the provider and back to where it was; memory is gone, the cookie is not.
    const app = await openApp();
    await app.page.evaluate(() => {
      void window.sdk.redirect.signIn();
    });
    await app.page.fill('input[name="login"]', 'rex');
    await app.page.fill('input[name="password"]', 'any password');
    await app.page.click('button[type="submit"]');
    await app.page.waitForSelector('text=Authorize');
    await Promise.all([app.page.waitForURL(`${stack.appUrl}/`), app.page.click('button[type="submit"]')]);
    await app.page.waitForFunction(() => window.sdk !== undefined);
    const outcome = await app.page.evaluate(() =>
      window.sdk.settle(window.sdk.redirect.getAccessToken(undefined, { optional: true })),
    );
    await expectWorking(outcome);
    expect(app.starts).toEqual(['openid']);
    expect(app.refreshes).toEqual([401, 200]);
    expect(app.popups).toHaveLength(0);
  });

  it('refreshes a token in the last half of its life through /refresh, and gets a new, working one', async () => {
    // With 8 s tokens, a call after 4 s must not be served from memory: it asks the vault, which refreshes upstream.
    const short = await startBrowserStack({ bundle, accessTokenTtlSeconds: 8 });
    stacks.push(short);
    const app = await openApp(short);
    const first = await expectWorking(await withPopup(app, () => token(app)), short);
    const sent = app.refreshes.length;
    await expect.poll(async () => (await token(app)).value, { timeout: 20_000, interval: 250 }).not.toBe(first);
    expect(app.refreshes.slice(sent)).toContain(200);
    await expectWorking(await token(app), short);
    expect(app.popups).toHaveLength(1);
  });

  it('never puts a provider token in cookies, localStorage, sessionStorage or IndexedDB', async () => {
    // Tokens live in the page's memory only; the vault's cookies are opaque handles (docs/security.md).
    expect(tokens.size).toBeGreaterThan(4);
    for (const app of apps) {
      const stored = await app.page.evaluate(async () =>
        JSON.stringify({
          cookie: document.cookie,
          local: { ...localStorage },
          session: { ...sessionStorage },
          databases: await indexedDB.databases(),
        }),
      );
      const cookies = (await app.context.cookies()).map((cookie) => cookie.value).join('\n');
      for (const value of tokens) {
        expect(stored).not.toContain(value);
        expect(cookies).not.toContain(value);
      }
    }
  });
});
