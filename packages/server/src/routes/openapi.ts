import { createRequire } from 'node:module';
import type { Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';
import { htmlHeaders } from '../html.js';
import { docsPage } from '../openapi/docs-page.js';
import { openApiDocument } from '../openapi/document.js';

/** The package's version, by its name: a relative path would break where the server is bundled (the CLI is). */
const packageVersion = () =>
  (createRequire(import.meta.url)('@tokenvault/server/package.json') as { version: string }).version;

/** `/openapi.json` and `/docs` (docs/api.md): built once, on first request. */
export function openApiRoutes(vault: Vault, devHome: boolean) {
  const app = new Hono<ServerEnv>();
  let document: ReturnType<typeof openApiDocument> | undefined;
  let page: { html: string; headers: Record<string, string> } | undefined;
  const current = () => {
    document ??= openApiDocument(vault.publicUrl, packageVersion(), devHome);
    return document;
  };
  app.get('/openapi.json', (c) => c.json(current()));
  app.get('/docs', async (c) => {
    page ??= { html: docsPage(current()), headers: await htmlHeaders('', 'DENY') };
    return c.html(page.html, 200, page.headers);
  });
  return app;
}
