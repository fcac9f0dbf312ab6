import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIELDS, ROUTES } from '../packages/ui/src/shared/api-client.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// The browser apps talk only to documented routes: every route their API client calls, and every field it reads,
// is in the vault's own /openapi.json.
describe('the ui API client against /openapi.json', () => {
  let vault: InProcessVault;
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is JSON whose shape the test walks
  let document: any;

  beforeAll(async () => {
    vault = await startInProcessVault();
    document = await (await vault.request(`${VAULT_URL}/openapi.json`)).json();
  });
  afterAll(() => vault.close());

  it('calls documented operations only', () => {
    for (const { method, path } of Object.values(ROUTES)) {
      expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });

  it('reads fields the ConnectPage schema documents', () => {
    const schema = document.components.schemas.ConnectPage;
    expect(Object.keys(schema.properties).sort()).toEqual([...PAGE_FIELDS].sort());
    const answer = document.paths[ROUTES.readSession.path].get.responses['200'].content['application/json'].schema;
    expect(answer.$ref).toBe('#/components/schemas/ConnectPage');
  });
});
