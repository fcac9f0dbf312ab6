import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoProvider, startDemoProvider } from '@tokenvault/demo';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { runCli, type ServerProcess, startServer } from './cli-process.js';
import { type FrontDoor, openFrontDoor } from './front-door.js';

/** Bundles a browser entry point (and what it imports) into one ES module, as an app's build would. */
export async function buildBundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    jsx: 'automatic',
    // Our packages from their sources, as in every other test (docs/architecture.md).
    conditions: ['@tokenvault/source'],
    // React's CommonJS build (pulled in, never rendered, by Backstage's API refs) needs it.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface BrowserStack {
  /** `tokenvault serve`, e.g. http://127.0.0.1:PORT. */
  vaultUrl: string;
  /** The app's origin: same site as the vault (both 127.0.0.1), another origin (another port). */
  appUrl: string;
  /** In front of `appUrl`: a caller that serves the app itself forwards it to its server once that listens. */
  appDoor: FrontDoor;
  demo: DemoProvider;
  server: ServerProcess;
  /** An access key of a client managing and reading connections, as an app's backend would hold. */
  accessKey: string;
  /** The vault's config file, for `tokenvault … --config`. */
  config: string;
  close(): Promise<void>;
}

/**
 * The vault as a real process (`tokenvault serve --config`, SQLite) with the demo provider as `demo` (preset oidc),
 * and an app server on another port serving `bundle` on every page, with `window.AUTH_BASE` (what a Backstage
 * discovery API would answer for `auth`) and `window.VAULT_URL` set before it runs.
 */
export async function startBrowserStack(options: {
  /** Served on every path of `appUrl`; without it no app server starts and the caller serves `appUrl` itself. */
  bundle?: string;
  accessTokenTtlSeconds?: number;
  /** What the vault always asks the provider for; default: the oidc preset's `openid profile email offline_access`. */
  providerScopes?: string[];
}): Promise<BrowserStack> {
  const [vaultDoor, appDoor] = [await openFrontDoor(), await openFrontDoor()];
  const [vaultUrl, appUrl] = [vaultDoor.url, appDoor.url];
  const demo = await startDemoProvider({
    clients: [
      { clientId: 'vault', clientSecret: 'demo-secret', redirectUris: [`${vaultUrl}/api/auth/demo/handler/frame`] },
    ],
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  });
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-browser-'));
  const config = join(dir, 'tokenvault.yaml');
  await writeFile(
    config,
    `publicUrl: ${vaultUrl}
database: sqlite:./vault.db
masterKey: ${Buffer.alloc(32, 5).toString('base64')}
appOrigins: [${appUrl}]
refreshAhead: false
environments:
  development:
    providers:
      demo:
        preset: oidc
        issuer: ${demo.issuer}
        clientId: vault
        clientSecret: demo-secret
${options.providerScopes ? `        scopes: [${options.providerScopes.join(', ')}]\n` : ''}`,
  );
  const server = await startServer(['--config', config], {}, vaultDoor);
  const created = await runCli([
    ...['clients', 'create', '--env', 'development', '--name', 'app-backend', '--config', config],
    ...['--role', 'connections-manager', '--role', 'credentials-reader'],
  ]);
  if (created.code !== 0) throw new Error(`clients create failed: ${created.stderr}`);
  const accessKey = /access key: (\S+)/.exec(created.stdout)?.[1] as string;
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>app</title></head><body>
<script>window.AUTH_BASE = ${JSON.stringify(`${vaultUrl}/api/auth`)}; window.VAULT_URL = ${JSON.stringify(vaultUrl)};</script>
<script type="module" src="/bundle.js"></script></body></html>`;
  let app: Server | undefined;
  if (options.bundle !== undefined) {
    const bundle = options.bundle;
    app = createServer((request, response) => {
      const path = new URL(request.url ?? '/', appUrl).pathname;
      if (path === '/bundle.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      }
    });
    await new Promise<void>((resolve) => app?.listen(0, '127.0.0.1', resolve));
    appDoor.forwardTo(`http://127.0.0.1:${(app.address() as AddressInfo).port}`);
  }
  return {
    vaultUrl,
    appUrl,
    appDoor,
    demo,
    server,
    accessKey,
    config,
    async close() {
      if (app) {
        const server = app;
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await server.stop();
      await Promise.all([vaultDoor.close(), appDoor.close()]);
      await demo.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in as `login` when the provider asks (it remembers the browser after the first time); stops at consent. */
async function loginInPopup(popup: Page, login: string): Promise<void> {
  const form = await popup.waitForSelector('input[name="login"], button[type="submit"]');
  if ((await form.getAttribute('name')) === 'login') {
    await popup.fill('input[name="login"]', login);
    await popup.fill('input[name="password"]', 'any password');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Authorize');
  }
}

/** Plays the user in the demo provider's popup: logs in and approves; resolves when the popup has closed itself. */
export async function approveInPopup(popup: Page, login: string): Promise<void> {
  await loginInPopup(popup, login);
  await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
}

/**
 * Clicks a control whose handler closes its own window (`window.close()` in the click): the page may be gone before
 * Playwright's click returns, which it reports as an error although the click happened. Resolves once it closed.
 */
export async function clickThatCloses(page: Page, selector: string): Promise<void> {
  const closed = page.waitForEvent('close');
  closed.catch(() => {}); // awaited below; a failed click is the error to report, not this one's timeout
  await page.click(selector, { noWaitAfter: true }).catch((err: unknown) => {
    if (!page.isClosed()) throw err;
  });
  await closed;
}

/** Refuses the consent screen (the demo provider's "Cancel"), so the flow ends with access_denied. */
export async function denyInPopup(popup: Page, login: string): Promise<void> {
  await loginInPopup(popup, login);
  await Promise.all([popup.waitForEvent('close'), popup.click('a[href$="/abort"]')]);
}
