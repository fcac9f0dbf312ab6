import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { OperatorRule } from '@tokenvault/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from './cli-process.js';
import { demoLogin, watchConsole } from './connect-page.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { type InProcessVault, startInProcessVault } from './in-process-vault.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

/** Where the dashboard tests write their screenshots (test output; docs/images/ holds the ones the docs show). */
export const DASHBOARD_SCREENSHOTS = join(repoRoot, 'test-results', 'dashboard');

/** Operators as the tests' configuration maps them: by email, by subject, by group, and someone with no rule at all. */
export const OPERATORS: OperatorRule[] = [
  { email: 'ada@demo.tokenvault.local', role: 'admin', environments: ['development', 'production'] },
  { subject: 'olga', role: 'operator', environments: ['development'] },
  { subject: 'vic', role: 'viewer', environments: ['development'] },
  { group: 'vault-oncall', role: 'operator', environments: ['development'] },
];

/** The `groups` claim the demo provider sends: gina is on call, nora is in a group no rule names. */
export const DEMO_GROUPS: Record<string, string[]> = { gina: ['staff', 'vault-oncall'], nora: ['staff'] };

export interface DashboardStack {
  vault: InProcessVault;
  /** The vault's public URL, served on a real socket so Chromium reaches it. */
  url: string;
  /** In front of the `faulty` provider's token endpoint: makes its refreshes fail on demand. */
  proxy: FaultProxy;
  /** The development environment's webhook endpoint. */
  receiver: WebhookReceiver;
  close(): Promise<void>;
}

export async function startDashboardStack(): Promise<DashboardStack> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const proxy = await startFaultProxy();
  const secret = 'dashboard-test-webhook-secret';
  const receiver = await startWebhookReceiver(secret);
  const vault = await startInProcessVault({
    publicUrl: url,
    tokenProxy: proxy,
    operators: OPERATORS,
    demoGroups: DEMO_GROUPS,
    webhooks: { development: [{ url: receiver.url, secret }] },
  });
  server.on(
    'request',
    getRequestListener((request) => vault.app.fetch(request)),
  );
  await mkdir(DASHBOARD_SCREENSHOTS, { recursive: true });
  return {
    vault,
    url,
    proxy,
    receiver,
    async close() {
      server.closeAllConnections();
      server.close();
      await vault.close();
      await proxy.close();
      await receiver.close();
    },
  };
}

/** A browser context signed in to the dashboard as `login` at the demo provider; console errors go to `errors`. */
export async function signIn(
  browser: Browser,
  stack: DashboardStack,
  login: string,
  errors: string[],
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  const page = await context.newPage();
  watchConsole(page, errors, stack.url);
  await page.goto(`${stack.url}/dashboard`);
  await page.click('a[href$="/dashboard/login"]');
  await demoLogin(page, login);
  await Promise.all([page.waitForURL(`${stack.url}/dashboard`), page.click('button[type="submit"]')]);
  await page.waitForSelector('[data-field="role"]');
  return { context, page };
}

export async function dashboardScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(DASHBOARD_SCREENSHOTS, `${name}.png`), fullPage: true });
}
