import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { buildProviderSpec, OPERATOR } from '@tokenvault/core';
import { oauth2 } from '@tokenvault/providers';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './cli-process.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault } from './in-process-vault.js';
import { type QuirkyProvider, startQuirkyProvider } from './quirky-provider.js';

/** Where the tests write their screenshots of each screen (test output, not committed). */
export const SCREENSHOTS = join(repoRoot, 'test-results', 'connect-page');

export interface ConnectPageStack {
  vault: InProcessVault;
  /** The vault's public URL: the in-process app served on a real socket, so Chromium can reach it. */
  url: string;
  /** A local server standing in for Shopify: per-shop endpoints under /t/<shop>/, consent granted at once. */
  shop: QuirkyProvider;
  /** POST /v1/connect-sessions as an app backend holding `connections-manager`. */
  createSession(body: object): Promise<{ token: string; connectUrl: string }>;
  close(): Promise<void>;
}

export async function startConnectPageStack(): Promise<ConnectPageStack> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const shop = await startQuirkyProvider({});
  const shopify = buildProviderSpec(oauth2, {
    id: 'shopify',
    displayName: 'Shopify',
    authorizeUri: `${shop.url}/t/{shop}/authorize`,
    tokenUri: `${shop.url}/t/{shop}/token`,
    account: { userInfoUri: `${shop.url}/t/{shop}/me`, idPath: 'id', displayNamePath: 'name' },
    params: { shop: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the shop name, as in <shop>.myshopify.com' } },
  });
  const vault = await startInProcessVault({
    publicUrl: url,
    providers: [{ env: 'development', id: 'shopify', spec: shopify, clientId: 'vault', clientSecret: 's', scopes: [] }],
    connectUi: { development: { name: 'Acme CRM', accentColor: '#0b5cad', supportUrl: `${APP_ORIGIN}/help` } },
  });
  server.on(
    'request',
    getRequestListener((request) => vault.app.fetch(request)),
  );
  const app = await vault.vault.clients.create(
    { env: 'development', name: 'crm', grants: [{ role: 'connections-manager' }] },
    OPERATOR,
  );
  const jwt = await vault.jwt(app.accessKey);
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    vault,
    url,
    shop,
    async createSession(body) {
      const response = await vault.request(`${url}/v1/connect-sessions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
      return response.json();
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await shop.close();
      await vault.close();
    },
  };
}

/** The app's pages (http://app.test), served by the browser context itself: a page that says where it is. */
export async function serveApp(context: BrowserContext, pages: Record<string, string> = {}): Promise<void> {
  await context.route(`${APP_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    route.fulfill({
      contentType: 'text/html',
      body: pages[path] ?? '<!doctype html><title>App</title><h1>The app</h1>',
    });
  });
}

/**
 * Console errors of the vault's pages (not the provider's, which a full-page redirect also shows) and uncaught
 * exceptions, to assert there are none.
 */
export function watchConsole(page: Page, errors: string[], vaultUrl: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && page.url().startsWith(vaultUrl)) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page as it is now. Its script is evaluated through the
 * DevTools protocol, which the page's CSP does not govern; the page itself gets no exception to its policy.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the evaluated script defines
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on the ${screen} screen`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in at the demo provider in `popup` (any password) and reaches its consent page. */
export async function demoLogin(popup: Page, login: string): Promise<void> {
  await popup.fill('input[name="login"]', login);
  await popup.fill('input[name="password"]', 'any password');
  await popup.click('button[type="submit"]');
  await popup.waitForSelector('text=Authorize');
}
