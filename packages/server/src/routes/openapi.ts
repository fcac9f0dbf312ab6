import { createRequire } from 'node:module';
import type { Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';
import { htmlHeaders } from '../html.js';
import { docsPage } from '../openapi/docs-page.js';
import { openApiDocument } from '../openapi/document.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** `/openapi.json` and `/docs` (docs/api.md): built once, on first request. */
export function openApiRoutes(vault: Vault, devHome: boolean) {
  const app = new Hono<ServerEnv>();
  let document: ReturnType<typeof openApiDocument> | undefined;
  let page: { html: string; headers: Record<string, string> } | undefined;
  const current = () => {
    document ??= openApiDocument(vault.publicUrl, version, devHome);
    return document;
  };
  app.get('/openapi.json', (c) => c.json(current()));
  app.get('/docs', async (c) => {
    page ??= { html: docsPage(current()), headers: await htmlHeaders('', 'DENY') };
    return c.html(page.html, 200, page.headers);
  });
  return app;
}
