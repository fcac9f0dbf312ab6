import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { presets } from '@tokenvault/providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli-process.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const doc = (name: string) => readFileSync(join(repoRoot, name), 'utf8');

// The docs state what the product does; each of these was found wrong by someone following them.
describe('docs match the product', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault();
  });
  afterAll(() => vault?.close());

  it('lists every field of a connected account that the API answers with (metadata was missing)', async () => {
    const { base } = await vault.link('docs-fields');
    const answer = await vault.request(base, { headers: { authorization: `Bearer ${await vault.jwt()}` } });
    const fields = Object.keys(await answer.json());
    expect(fields).toContain('metadata');
    const api = doc('docs/api.md');
    const shape = /### `GET \/v1\/users\/\{userId\}\/connected-accounts`\n\n`200 \{items:\[\{([^}]+)\}/.exec(api)?.[1];
    const documented = (shape ?? '').split(',').map((field) => field.trim());
    expect(documented.sort()).toEqual(fields.sort());
  });

  it('states the CORS methods the preflight allows', async () => {
    const preflight = await vault.request(`${VAULT_URL}/v1/me/connected-accounts/ca_x`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'DELETE' },
    });
    const methods = preflight.headers.get('access-control-allow-methods');
    expect(methods).toBeTruthy();
    expect(doc('docs/api.md')).toContain(`preflights allow \`${methods?.split(',').join(', ')}\``);
  });

  it('quotes every variable written inside a YAML flow list or mapping', () => {
    // `[${MK1}]` is not YAML: `{` opens a mapping inside brackets. The rotation steps showed that form.
    const docs = readdirSync(join(repoRoot, 'docs')).map((name) => `docs/${name}`);
    for (const name of ['README.md', ...docs.filter((name) => name.endsWith('.md'))]) {
      expect(doc(name), name).not.toMatch(/[[,{]\s*\$\{/);
    }
  });

  it('names only presets that exist when it tells Backstage users which to use', () => {
    const named = [...doc('docs/backstage.md').matchAll(/`preset: ([a-z0-9-]+)`/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(Object.keys(presets), id).toContain(id);
    expect(doc('docs/backstage.md')).not.toMatch(/until it lands/);
  });

  it('states the Node.js versions the packages declare', () => {
    const engines = JSON.parse(doc('packages/cli/package.json')).engines.node as string;
    const version = /^>=(\d+\.\d+)$/.exec(engines)?.[1];
    expect(version).toBeTruthy();
    expect(doc('README.md')).toContain(`Node.js ${version} or later`);
    expect(doc('docs/configuration.md')).toContain(`Node.js ${version} or later`);
  });
});
