import { readFileSync } from 'node:fs';
import { buildProviderSpec, PROVIDER_CATEGORIES, type ProviderSpecInput } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/catalog.js';
import { providersMarkdown } from '../src/docs.js';

const TENANT = 'https://tenant.example.com';

/** What a configuration adds to a preset that leaves out its tenant's part (an issuer, a shop's endpoints). */
function configured(preset: Partial<ProviderSpecInput>): Partial<ProviderSpecInput> {
  // The runtime names a provider by its id when the preset does not (the generic oauth2 and oidc).
  const needs: Partial<ProviderSpecInput> = preset.displayName ? {} : { displayName: preset.id ?? 'provider' };
  if (preset.type === 'oidc' && !preset.issuer && !(preset.authorizeUri && preset.tokenUri)) needs.issuer = TENANT;
  if (preset.type === 'oauth2') {
    if (!preset.authorizeUri) needs.authorizeUri = `${TENANT}/authorize`;
    if (!preset.tokenUri) needs.tokenUri = `${TENANT}/token`;
    if (!preset.account?.userInfoUri) needs.account = { userInfoUri: `${TENANT}/me` };
  }
  return needs;
}

// The catalog is typed data: every preset validates against the spec, cites the provider's documentation and says
// how to set it up; a field the engine does not know is refused, and docs/providers.md is what the catalog says.
describe('the provider catalog', () => {
  it('ships at least 40 presets', () => {
    expect(Object.keys(presets).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.keys(presets).sort())('%s validates, cites its docs, has a category and explains its setup', (id) => {
    const preset = presets[id] as Partial<ProviderSpecInput>;
    expect(preset.id).toBe(id);
    expect(preset.docs).toMatch(/^https:\/\/[^\s]+$/);
    expect(preset.setup?.length).toBeGreaterThan(20);
    expect(PROVIDER_CATEGORIES).toContain(preset.category);
    const spec = buildProviderSpec(preset, configured(preset));
    expect(spec.id).toBe(id);
  });

  it('refuses a preset with a quirk the engine does not know', () => {
    const [first] = Object.values(presets);
    expect(() => buildProviderSpec({ ...first, acceptsAnyToken: true } as never, configured(first ?? {}))).toThrow(
      /acceptsAnyToken/,
    );
  });

  it('matches docs/providers.md (run `npm run docs:providers` after changing a preset)', () => {
    const written = readFileSync(new URL('../../../docs/providers.md', import.meta.url), 'utf8');
    expect(written).toBe(providersMarkdown(presets));
  });
});
