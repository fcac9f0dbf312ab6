import { fileURLToPath } from 'node:url';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsWindow } from './browser/accounts-page.js';
import { launchChromium } from './support/browser.js';
import {
  approveInPopup,
  type BrowserStack,
  buildBundle,
  denyInPopup,
  startBrowserStack,
} from './support/browser-app.js';

// A section with nothing in it yet is not "visible"; what these waits look for is the state its attributes carry.
const ATTACHED = { state: 'attached' } as const;

/** One browser profile on the app's page, with what it asked the vault and what went wrong in it. */
interface App {
  context: BrowserContext;
  page: Page;
  /** The `scope` of every /start the popups loaded. */
  starts: string[];
  /** `METHOD /path STATUS` of every answer the vault gave. */
  answers: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
}

// @tokenvault/react in real Chromium, over the SDK's connected accounts, against a real `tokenvault serve` and the
// real demo OpenID provider: a user of the app links accounts with a button, sees them listed, gets a token,
// steps up a scope, loses a grant at the provider and disconnects; the page follows each change by itself.
describe('@tokenvault/react connected accounts in Chromium', () => {
  let bundle: string;
  let browser: Browser;
  const stacks: BrowserStack[] = [];
  const apps: App[] = [];

  beforeAll(async () => {
    bundle = await buildBundle(fileURLToPath(new URL('./browser/accounts-page.tsx', import.meta.url)));
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const app of apps) await app.context.close();
    await browser?.close();
    for (const stack of stacks) await stack.close();
  });

  async function startStack(options: { providerScopes?: string[] } = {}): Promise<BrowserStack> {
    const stack = await startBrowserStack({ bundle, ...options });
    stacks.push(stack);
    return stack;
  }

  async function openApp(stack: BrowserStack): Promise<App> {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const app: App = { context, page: tab, starts: [], answers: [], errors: [] };
    apps.push(app);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/auth/demo/start') app.starts.push(url.searchParams.get('scope') ?? '');
    });
    context.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === stack.vaultUrl)
        app.answers.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
    });
    tab.on('pageerror', (error) => app.errors.push(error.message));
    await tab.goto(stack.appUrl);
    await tab.waitForSelector('#accounts', ATTACHED);
    return app;
  }

  /** The app's backend asks for a connect session for `userId`; the page redeems it. */
  async function bind(app: App, stack: BrowserStack, userId: string): Promise<void> {
    const jwt = await signServiceToken(parseAccessKey(stack.accessKey), { baseUrl: stack.vaultUrl });
    const created = await fetch(`${stack.vaultUrl}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: JSON.stringify({ userId }),
    });
    const { token } = await created.json();
    await app.page.evaluate(
      (t) => (window as unknown as AccountsWindow).accountsPage.vault.redeemConnectSession(t),
      token,
    );
  }

  /** What the vault's service API says the user holds. */
  async function listedAtVault(stack: BrowserStack, userId: string) {
    const jwt = await signServiceToken(parseAccessKey(stack.accessKey), { baseUrl: stack.vaultUrl });
    const listed = await fetch(`${stack.vaultUrl}/v1/users/${userId}/connected-accounts`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    return (await listed.json()).items as Array<{ id: string; providerAccountId: string; scopes: string[] }>;
  }

  /** Clicks "Link demo" and plays `login` in the popup it opens. */
  async function linkWithButton(app: App, login: string): Promise<void> {
    const popup = app.page.waitForEvent('popup');
    await app.page.click('text=Link demo');
    await approveInPopup(await popup, login);
    await app.page.waitForSelector('#link[data-status="linked"]', ATTACHED);
  }

  /** The logins the list shows, once it shows `count` of them. */
  async function listedLogins(app: App, count: number): Promise<string[]> {
    await app.page.waitForFunction((n) => document.querySelectorAll('#accounts li').length === n, count);
    return app.page.locator('#accounts li .login').allTextContents();
  }

  /** Who the provider says a token belongs to. */
  async function ownerOf(stack: BrowserStack, token: string): Promise<string> {
    const me = await fetch(`${stack.demo.issuer}/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    return (await me.json()).sub;
  }

  const tokenShown = (app: App) => app.page.locator('#token output').textContent() as Promise<string>;

  describe('one user, from no account to two and back to one', () => {
    let stack: BrowserStack;
    let app: App;
    let annToken: string;

    beforeAll(async () => {
      stack = await startStack();
      app = await openApp(stack);
    });

    it('lists nothing for a user bound by a connect session with no accounts, and the token hook says not_connected', async () => {
      // Before the binding there is no vault session at all; redeeming one reloads the list by itself.
      await app.page.waitForSelector('#accounts[data-error="no_session"]', ATTACHED);
      await bind(app, stack, 'u_42');
      await app.page.waitForSelector('#accounts[data-status="ready"]', ATTACHED);
      expect(await listedLogins(app, 0)).toEqual([]);
      await app.page.waitForSelector('#token[data-status="error"][data-error="not_connected"]', ATTACHED);
    });

    it('links an account with the button’s popup; the list shows it and the token appears, owned by it', async () => {
      await linkWithButton(app, 'ann');
      expect(await listedLogins(app, 1)).toEqual(['ann']);
      await app.page.waitForSelector('#token[data-status="ok"]', ATTACHED);
      annToken = await tokenShown(app);
      expect(await ownerOf(stack, annToken)).toBe('ann');
      expect((await listedAtVault(stack, 'u_42')).map((a) => a.providerAccountId)).toEqual(['ann']);
    });

    it('links a second account of the same provider with another login; the token follows the newest', async () => {
      // The provider remembers ann in this browser: forgetting its session makes it ask who is logging in.
      await app.context.clearCookies({ name: /^_session/ });
      await linkWithButton(app, 'bob');
      expect(await listedLogins(app, 2)).toEqual(['ann', 'bob']);
      await app.page.waitForFunction((old) => {
        const shown = document.querySelector('#token output')?.textContent;
        return shown !== '' && shown !== old;
      }, annToken);
      expect(await ownerOf(stack, await tokenShown(app))).toBe('bob');
      const atVault = await listedAtVault(stack, 'u_42');
      expect(new Set(atVault.map((a) => a.id)).size).toBe(2);
    });

    it('shows needs_reauth, and no exception or 5xx, for a token the revoked grants cannot refresh', async () => {
      // The user withdrew both grants at the provider. Two hours of validity exceed the token's hour, so the vault
      // must refresh, and the provider refuses: the hook shows a result, and the list learns the new status.
      await stack.demo.revokeAll('ann');
      await stack.demo.revokeAll('bob');
      await app.page.click('text=Valid for two hours');
      await app.page.waitForSelector('#token[data-status="error"][data-error="needs_reauth"]', ATTACHED);
      await app.page.waitForFunction(
        () => document.querySelectorAll('#accounts li[data-status="needs_reauth"]').length === 2,
      );
      expect(await app.page.locator('#token[data-error="needs_reauth"]').count()).toBe(1);
      expect(app.answers.filter((answer) => /\s5\d\d$/.test(answer))).toEqual([]);
      expect(app.answers).toContain('POST /v1/me/providers/demo/access-token 409');
      expect(app.errors).toEqual([]);
      expect(await app.page.evaluate(() => (window as unknown as AccountsWindow).accountsPage.failures)).toEqual([]);
    });

    it('disconnects an account from its button; the list updates and the vault no longer has it', async () => {
      await app.page.click('text=Disconnect bob');
      expect(await listedLogins(app, 1)).toEqual(['ann']);
      expect((await listedAtVault(stack, 'u_42')).map((a) => a.providerAccountId)).toEqual(['ann']);
      expect(app.answers.filter((answer) => answer.startsWith('DELETE'))).toHaveLength(1);
      expect(await app.page.evaluate(() => (window as unknown as AccountsWindow).accountsPage.failures)).toEqual([]);
    });
  });

  it('steps one account up from openid to openid+email with getOrLinkConnectedAccount, after a refusal', async () => {
    // A vault asking the provider for `openid` only: `email` is held only if this step-up asks for it, and the
    // consent must ask for what is held too. A refusal changes nothing; the next call asks again.
    const narrow = await startStack({ providerScopes: ['openid'] });
    const app = await openApp(narrow);
    await bind(app, narrow, 'u_42');
    await linkWithButton(app, 'cy');
    const [linked] = await listedAtVault(narrow, 'u_42');
    expect(linked?.scopes).toEqual(['openid']);

    const step = async (play: (popup: Page) => Promise<void>) => {
      const popup = app.page.waitForEvent('popup');
      const outcome = app.page.evaluate(() =>
        (window as unknown as AccountsWindow).accountsPage.getOrLink('demo', ['email']),
      );
      await play(await popup);
      return outcome;
    };
    const refused = await step((popup) => denyInPopup(popup, 'cy'));
    expect(refused.error).toMatchObject({ name: 'RejectedError', code: 'rejected' });
    const stepped = await step((popup) => approveInPopup(popup, 'cy'));
    expect(stepped.account).toMatchObject({ id: linked?.id, providerAccountId: 'cy', status: 'active' });
    expect(stepped.account?.scopes.sort()).toEqual(['email', 'openid']);
    expect(app.starts.map((scope) => scope.split(' ').sort().join(' '))).toEqual([
      'openid',
      'email openid',
      'email openid',
    ]);
    await app.page.waitForSelector(`#accounts li[data-id="${linked?.id}"][data-scopes~="email"]`, ATTACHED);

    // Held now: the same call answers without a popup.
    const popups = app.starts.length;
    const again = await app.page.evaluate(() =>
      (window as unknown as AccountsWindow).accountsPage.getOrLink('demo', ['email', 'openid']),
    );
    expect(again.account?.id).toBe(linked?.id);
    expect(app.starts).toHaveLength(popups);
    expect((await listedAtVault(narrow, 'u_42')).map((a) => a.id)).toEqual([linked?.id]);
  }, 60_000);
});
