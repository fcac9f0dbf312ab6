import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { repoRoot, type ServerProcess, startServer } from './support/cli-process.js';

const run = promisify(execFile);

// The newcomer's journey in a real browser: dev mode, the home page's Connect button, the hosted connect page, the
// provider's login and consent in a popup, back to the home page with the account, and its curl line returning a
// token.
describe('dev mode in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-dev-'));
    server = await startServer(['--port', '0'], { TOKENVAULT_DEV_DIR: dir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('connects the demo account through the hosted connect page and shows a working curl', async () => {
    expect(server.output()).toMatch(/admin key: +sc_\S+\.\S+\.development\.\S+/);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.textContent('body')).resolves.toContain('Not signed in');

    await Promise.all([page.waitForURL(`${server.url}/connect`), page.click('button[type="submit"]')]);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-provider="demo"]')]);
    await popup.fill('input[name="login"]', 'carol');
    await popup.fill('input[name="password"]', 'any password');
    await popup.click('button[type="submit"]');
    await popup.waitForSelector('text=Authorize'); // the consent page
    await Promise.all([popup.waitForEvent('close'), popup.click('button[type="submit"]')]);
    await page.waitForSelector('[data-outcome="connected"]');
    await Promise.all([page.waitForURL(`${server.url}/?connected=*`), page.click('[data-action="back"]')]);

    const account = await page.waitForSelector('.account');
    const text = (await account.textContent()) ?? '';
    expect(text).toContain('carol');
    expect(text).toContain('status active');
    await expect(page.textContent('body')).resolves.toContain('Signed in as developer');

    // The session is an opaque handle in HttpOnly cookies; nothing sits in browser storage. (The demo
    // provider's own cookies share the host, since cookies ignore ports; only the vault's are checked.)
    const cookies = (await context.cookies()).filter((c) =>
      ['tokenvault_session', 'demo-refresh-token'].includes(c.name),
    );
    expect(cookies.map((c) => `${c.name} ${c.path} ${c.sameSite}`).sort()).toEqual([
      'demo-refresh-token /api/auth/demo Lax',
      'tokenvault_session / Lax',
    ]);
    for (const cookie of cookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.value).toMatch(/^[\w-]{43}$/);
    }
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    const curl = (await page.textContent('.account pre')) ?? '';
    const { stdout } = await run('bash', ['-c', curl], { cwd: repoRoot });
    const token = JSON.parse(stdout);
    expect(token).toMatchObject({ accessToken: expect.any(String), tokenType: 'bearer' });
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now());
    await context.close();
  });
});
