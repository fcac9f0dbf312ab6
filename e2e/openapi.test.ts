import { Validator } from '@seriousme/openapi-schema-validator';
import { OPERATOR } from '@tokenvault/core';
import { createApp } from '@tokenvault/server';
import { loadUiAssets } from '@tokenvault/ui';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

interface JsonContent {
  content: { 'application/json': { schema: { $ref: string; properties: object; additionalProperties: boolean } } };
}
interface OperationObject {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody: JsonContent & { required: boolean };
  responses: Record<string, JsonContent>;
}
interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, object> };
}

// docs/api.md: the API is documented as OpenAPI at /openapi.json and browsable at /docs. The document is checked
// against the OpenAPI 3.1 schema, against the routes the server really has, and against real answers (here, and in
// every e2e test through support/api-contract.ts).
describe('/openapi.json and /docs', () => {
  let vault: InProcessVault;
  let document: Document;

  beforeAll(async () => {
    vault = await startInProcessVault();
    const response = await vault.request(`${VAULT_URL}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = await response.json();
  });
  afterAll(() => vault.close());

  it('is a valid OpenAPI 3.1 document for this vault', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: VAULT_URL }]);
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    // Every reference resolves.
    for (const [, id] of JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas, id).toHaveProperty(id as string);
    }
  });

  it('documents exactly the routes the server has, dev mode included', async () => {
    const appOf = (devHome: boolean) =>
      createApp({
        vault: vault.vault,
        appOrigins: ['http://app.test'],
        ui: loadUiAssets(), // as the CLI always serves the connect page
        // The dashboard's routes exist when it is configured (always in dev mode).
        dashboard: { operators: [], sessions: vault.vault.operatorSessions(60_000) },
        ...(devHome && { devHome: { env: 'development', bearerCommand: 'true' } }),
      });
    const routesOf = (devHome: boolean) => {
      const app = appOf(devHome);
      // The proxy takes any method: documented as the usual five on `…/proxy/{path}` (the bare `…/proxy` is the
      // same route with an empty path).
      const proxied = app.routes
        .filter((route) => route.method === 'ALL' && route.path.endsWith('/proxy/*'))
        .flatMap((route) =>
          ['get', 'post', 'put', 'patch', 'delete'].map((m) => `${m} ${route.path.replace(/\*$/, '{path}')}`),
        );
      return new Set(
        app.routes
          .filter((route) => route.method !== 'ALL')
          .map((route) => `${route.method.toLowerCase()} ${route.path}`)
          .concat(proxied)
          .map((route) => route.replace(/:(\w+)/g, '{$1}')),
      );
    };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
    );
    expect([...routesOf(false)].sort()).toEqual([...documented].sort());
    expect([...routesOf(true)].sort()).toEqual([...documented, 'get /', 'post /dev/connect'].sort());
    // The dev server's own document lists its home page; the configured server's does not.
    const devDocument = (await (await appOf(true).request(`${VAULT_URL}/openapi.json`)).json()) as Document;
    expect(Object.keys(devDocument.paths['/'] ?? {})).toEqual(['get']);
    expect(document.paths['/']).toBeUndefined();
  });

  it('describes real answers with its own JSON schemas', async () => {
    // The document's schemas, not the zod ones they come from, judge real answers: the conversion is checked too.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const [id, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema(schema, `#/components/schemas/${id}`);
    }
    const check = (path: string, method: string, status: number, body: unknown) => {
      const ref = document.paths[path]?.[method]?.responses[status]?.content['application/json'].schema.$ref ?? '';
      const validate = ajv.getSchema(ref);
      expect(validate, ref).toBeDefined();
      expect(validate?.(body), `${ref}: ${JSON.stringify(validate?.errors)}`).toBe(true);
    };
    const { base, userId } = await vault.link('openapi');
    const auth = { authorization: `Bearer ${await vault.jwt()}` };
    const token = await vault.request(`${base}/access-token`, { method: 'POST', headers: auth });
    check('/v1/users/{userId}/connected-accounts/{accountId}/access-token', 'post', 200, await token.json());
    const list = await vault.request(`${VAULT_URL}/v1/users/${encodeURIComponent(userId)}/connected-accounts`, {
      headers: auth,
    });
    check('/v1/users/{userId}/connected-accounts', 'get', 200, await list.json());
    const audit = await vault.request(`${VAULT_URL}/v1/admin/audit`, { headers: auth });
    check('/v1/admin/audit', 'get', 200, await audit.json());
    const created = await vault.request(`${VAULT_URL}/v1/admin/clients`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'documented', grants: [{ role: 'credentials-reader' }] }),
    });
    check('/v1/admin/clients', 'post', 201, await created.json());
    const refused = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: auth,
      body: '{"scopes":["calendar"]}',
    });
    check('/v1/users/{userId}/connected-accounts/{accountId}/access-token', 'post', 403, await refused.json());
    // And a document schema refuses what the API must never answer: a token read without its token.
    const ajvRef = '#/components/schemas/AccessToken';
    expect(ajv.getSchema(ajvRef)?.({ tokenType: 'bearer', expiresAt: null, scopes: [], accountId: 'x' })).toBe(false);
    expect(await vault.vault.listAccounts('development', userId, OPERATOR)).toHaveLength(1);
  });

  it('documents the request bodies and query parameters the routes check', () => {
    const tokenRead = document.paths['/v1/users/{userId}/connected-accounts/{accountId}/access-token']?.post;
    const body = tokenRead?.requestBody.content['application/json'].schema ?? {
      properties: {},
      additionalProperties: true,
    };
    expect(Object.keys(body.properties).sort()).toEqual(['minValiditySeconds', 'scopes']);
    expect(body.additionalProperties).toBe(false);
    // An empty body means "no options" there; creating a connect session needs one (userId).
    expect(tokenRead?.requestBody.required).toBe(false);
    expect(document.paths['/v1/connect-sessions']?.post?.requestBody.required).toBe(true);
    const audit = document.paths['/v1/admin/audit']?.get as OperationObject;
    const query = audit.parameters.filter((p) => p.in === 'query');
    expect(query.map((p) => p.name).sort()).toEqual(
      ['action', 'clientId', 'cursor', 'limit', 'principal', 'provider', 'result', 'since', 'until', 'userId'].sort(),
    );
    expect(query.every((p) => !p.required)).toBe(true);
    // The other parameter: the environment an operator's cookie acts in (docs/dashboard.md).
    expect(audit.parameters.filter((p) => p.in !== 'query').map((p) => [p.in, p.name, p.required])).toEqual([
      ['header', 'x-tokenvault-environment', false],
    ]);
  });

  it('renders /docs as one page with every operation, no script, and the HTML security headers', async () => {
    const response = await vault.request(`${VAULT_URL}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(html, `${method} ${path}`).toContain(`id="${operation.operationId}"`);
      }
    }
    for (const id of Object.keys(document.components.schemas)) expect(html).toContain(`id="schema-${id}"`);
  });
});
