import { readdirSync, readFileSync } from 'node:fs';
import { buildProviderSpec, PROVIDER_CATEGORIES, type ProviderSpecInput } from '@tokenvault/core';
import * as simpleIcons from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/catalog.js';
import { logoFile, logoSvg, providersMarkdown, QUIRKS } from '../src/docs.js';

const docsFolder = new URL('../../../docs/', import.meta.url);

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
  it('ships at least 150 presets', () => {
    expect(Object.keys(presets).length).toBeGreaterThanOrEqual(150);
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

  it('gives no two presets the same id or display name, in any letter case', () => {
    const all = Object.values(presets);
    const ids = all.map((preset) => preset.id?.toLowerCase());
    const names = all.map((preset) => (preset.displayName ?? preset.id)?.toLowerCase());
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it("writes each preset's logo beside docs/providers.md as simple-icons draws it, and no other", () => {
    const icons = Object.values(simpleIcons).filter(
      (icon): icon is simpleIcons.SimpleIcon => typeof icon === 'object' && icon !== null && 'slug' in icon,
    );
    const slugs = [...new Set(Object.values(presets).flatMap((preset) => (preset.logo ? [preset.logo] : [])))];
    for (const slug of slugs) {
      const icon = icons.find((candidate) => candidate.slug === slug);
      expect(icon, `simple-icons has no "${slug}"`).toBeDefined();
      const written = readFileSync(new URL(logoFile(slug), docsFolder), 'utf8');
      expect(written, slug).toBe(logoSvg(icon as simpleIcons.SimpleIcon));
    }
    const files = readdirSync(new URL(logoFile('x').replace(/[^/]+$/, ''), docsFolder));
    expect(files.sort()).toEqual(slugs.map((slug) => `${slug}.svg`).sort());
  });

  it('names a test for every quirk in the index, and the test exists', () => {
    for (const quirk of QUIRKS) {
      expect(
        readFileSync(new URL(`../../../${quirk.test}`, import.meta.url), 'utf8').length,
        quirk.name,
      ).toBeGreaterThan(0);
    }
  });

  it('refuses a preset with a quirk the engine does not know', () => {
    const [first] = Object.values(presets);
    expect(() => buildProviderSpec({ ...first, acceptsAnyToken: true } as never, configured(first ?? {}))).toThrow(
      /acceptsAnyToken/,
    );
  });

  it('matches docs/providers.md (run `npm run docs:providers` after changing a preset)', () => {
    const written = readFileSync(new URL('providers.md', docsFolder), 'utf8');
    expect(written).toBe(providersMarkdown(presets));
  });
});
