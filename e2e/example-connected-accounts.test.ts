import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { approveInPopup, type BrowserStack, startBrowserStack } from './support/browser-app.js';
import { createAccessKey, repoRoot } from './support/cli-process.js';

const EXAMPLE = 'examples/connected-accounts';

/** Runs `node --import tsx <file>` from the repo root with `env`; resolves with its exit code and output. */
function runExample(file: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', `${EXAMPLE}/${file}`], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

// The example under examples/connected-accounts works end to end (issue: connected accounts): a user of an app
// with its own login links a demo account in the app's React page, and a worker holding only its access key then
// reads that user's token and uses it at the provider.
describe('examples/connected-accounts', () => {
  let stack: BrowserStack;
  let app: ChildProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startBrowserStack({}); // the example serves the app origin itself
    const started = runExample('app.ts', {
      VAULT_URL: stack.vaultUrl,
      VAULT_ACCESS_KEY: stack.accessKey,
      PORT: '0',
    });
    app = started.child;
    const listening = await new Promise<string>((resolve, reject) => {
      started.child.stdout?.on('data', () => {
        const url = /listening on (\S+)/.exec(started.output())?.[1];
        if (url) resolve(url);
      });
      started.child.once('exit', (code) => reject(new Error(`the example app exited (${code}): ${started.output()}`)));
    });
    stack.appDoor.forwardTo(listening);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (app && app.exitCode === null) {
      const exited = once(app, 'exit');
      app.kill('SIGTERM');
      await exited;
    }
    await stack?.close();
  });

  it('links an account in the React page, and the worker reads its token with only an access key', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}/login?user=u_42`);
    await page.waitForSelector('text=Signed in to the app as u_42');
    await page.waitForSelector('.token[data-status="error"]');
    expect(await page.textContent('.token')).toContain('not_connected');

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button.link')]);
    await approveInPopup(popup, 'lin');
    await page.waitForSelector('.account[data-status="active"]');
    expect(await page.textContent('.account')).toContain('demo: lin');
    await page.waitForSelector('.token[data-status="ok"]');
    // Tokens stay in the page's memory: nothing in its storage or readable cookies.
    expect(await page.evaluate(() => document.cookie + localStorage.length + sessionStorage.length)).toBe('00');

    const workerKey = await createAccessKey(stack.config, [
      ...['--name', 'worker', '--role', 'credentials-reader', '--resource', 'connections/demo'],
    ]);
    const worker = runExample('worker.ts', {
      VAULT_URL: stack.vaultUrl,
      VAULT_ACCESS_KEY: workerKey,
      USER_ID: 'u_42',
      USERINFO_URL: `${stack.demo.issuer}/me`,
    });
    const [code] = (await once(worker.child, 'exit')) as [number];
    expect(code, worker.output()).toBe(0);
    const printed = JSON.parse(worker.output().trim().split('\n').at(-1) as string);
    expect(printed).toMatchObject({ userId: 'u_42', provider: 'demo', userinfo: { sub: 'lin' } });
    await context.close();
  });
});
