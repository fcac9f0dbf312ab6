import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiOperations } from '@tokenvault/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { type ServerProcess, startServer } from './support/cli-process.js';

interface Media {
  example?: unknown;
}
interface OperationObject {
  operationId: string;
  security: object[];
  'x-required-action'?: { action: string; resource: string; roles: string[] };
  'x-codeSamples'?: { lang: string; source: string }[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const TOKEN_READ = 'postV1UsersUserIdProvidersProviderAccessToken';

// Regression: /docs opened with /healthz, never explained "Authentication: serviceClient", and showed raw JSON
// Schema on one 40,000-pixel page. It now starts with getting started, leads with token reads, and gives each
// operation a curl, an example request and answer, and the grant it needs, all without a script (CSP).
describe('/docs for people', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let openapi: { paths: Record<string, Record<string, OperationObject>> };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-docs-page-'));
    const config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `database: sqlite:./vault.db\nmasterKey: ${Buffer.alloc(32, 4).toString('base64')}\nenvironments: { production: {} }\n`,
    );
    server = await startServer(['--config', config, '--port', '0']);
    openapi = await (await fetch(`${server.url}/openapi.json`)).json();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('names in /openapi.json the grant every service operation needs, with examples that fit the schemas', () => {
    for (const operation of apiOperations) {
      const documented = openapi.paths[operation.path]?.[operation.method] as OperationObject;
      const where = `${operation.method} ${operation.path}`;
      expect(documented['x-codeSamples']?.[0]?.source, where).toMatch(/^curl /);
      if (
        operation.auth === 'service' &&
        operation.path.startsWith('/v1/') &&
        !operation.path.includes('.well-known')
      ) {
        expect(documented['x-required-action']?.roles, where).toContain('admin');
      }
      const type = operation.form ? 'application/x-www-form-urlencoded' : 'application/json';
      const body = documented.requestBody?.content[type]?.example;
      if (operation.body) expect(operation.body.safeParse(body).error?.issues ?? [], where).toEqual([]);
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (!('schema' in answer)) continue;
        const example = documented.responses[status]?.content?.['application/json']?.example;
        expect(answer.schema.safeParse(example).error?.issues ?? [], `${where} ${status}`).toEqual([]);
      }
    }
    expect(openapi.paths['/v1/users/{userId}/providers/{provider}/access-token']?.post?.['x-required-action']).toEqual({
      action: 'credentials:read',
      resource: 'connections/{provider}/users/{userId}/credentials',
      roles: ['credentials-reader', 'admin'],
    });
  });

  it('opens with getting started and a table of contents, token reads first, in Chromium under the CSP', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    const response = await page.goto(`${server.url}/docs`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);

    const headings = await page.locator('h2').allTextContents();
    expect(headings.slice(0, 4)).toEqual([
      'Contents',
      'Getting started',
      'Authentication',
      'Reading tokens and accounts (backends)',
    ]);
    const steps = page.locator('#getting-started li pre');
    expect(await steps.nth(0).textContent()).toContain('tokenvault clients create');
    expect(await steps.nth(1).textContent()).toContain('tokenvault token --key-file worker.key');
    expect(await steps.nth(2).textContent()).toContain('/access-token');
    await expect
      .poll(() => page.locator('#auth-serviceClient + dd').textContent())
      .toContain("signed with a service client's access key");

    // The first operation of the first section is a token read, and the contents link there.
    const first = page.locator('#tag-accounts ~ section.operation').first();
    expect(await first.locator('h3').textContent()).toMatch(/access-token|credentials/);
    await page.locator(`nav a[href="#${TOKEN_READ}"]`).click();
    expect(new URL(page.url()).hash).toBe(`#${TOKEN_READ}`);

    const read = page.locator(`#${TOKEN_READ}`);
    expect(await read.locator('pre.curl').textContent()).toContain(
      'curl -X POST "$VAULT/v1/users/$USER_ID/providers/$PROVIDER/access-token"',
    );
    expect(JSON.parse((await read.locator('pre.request').textContent()) ?? '')).toMatchObject({
      scopes: ['repo', 'read:user'],
    });
    expect(JSON.parse((await read.locator('pre.answer').textContent()) ?? '')).toHaveProperty('accessToken');
    expect(await read.locator('.grant').textContent()).toBe(
      'Needs: credentials:read on connections/{provider}/users/{userId}/credentials (roles: credentials-reader, admin)',
    );
    expect(await read.locator('a[href="#auth-serviceClient"]').count()).toBe(1);

    // Every operation has its curl; nothing ran, nothing was refused.
    const operations = await page.locator('section.operation').count();
    expect(await page.locator('section.operation pre.curl').count()).toBe(operations);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
