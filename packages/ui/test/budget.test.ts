import { brotliCompressSync, gzipSync } from 'node:zlib';
import { presets } from '@tokenvault/providers';
import { describe, expect, it } from 'vitest';
import { loadUiAssets } from '../src/index.js';

/** The connect page's script may weigh at most this much compressed (gzip and brotli alike). */
const SCRIPT_BUDGET_BYTES = 60 * 1024;
/** The operator dashboard's, charts included. */
const DASHBOARD_BUDGET_BYTES = 250 * 1024;

// The connect page opens on phones over slow links: its script stays within budget, measured on the built assets
// (the vitest global setup builds them).
describe('the browser apps script budgets', () => {
  it('is at most 60 KB compressed', () => {
    const assets = loadUiAssets();
    const script = Buffer.concat(
      assets.connect.scripts.map((name) => Buffer.from(assets.files.get(name)?.body ?? new Uint8Array())),
    );
    expect(script.length).toBeGreaterThan(10_000); // React is in it: the build ran
    const gzip = gzipSync(script, { level: 9 }).length;
    const brotli = brotliCompressSync(script).length;
    console.log(`connect page script: ${script.length} B, gzip ${gzip} B, brotli ${brotli} B`);
    expect(gzip).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
    expect(brotli).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
  });

  it('keeps the dashboard script at most 250 KB compressed', () => {
    const assets = loadUiAssets();
    const script = Buffer.concat(
      assets.dashboard.scripts.map((name) => Buffer.from(assets.files.get(name)?.body ?? new Uint8Array())),
    );
    expect(script.length).toBeGreaterThan(10_000);
    const gzip = gzipSync(script, { level: 9 }).length;
    const brotli = brotliCompressSync(script).length;
    console.log(`dashboard script: ${script.length} B, gzip ${gzip} B, brotli ${brotli} B`);
    expect(gzip).toBeLessThanOrEqual(DASHBOARD_BUDGET_BYTES);
    expect(brotli).toBeLessThanOrEqual(DASHBOARD_BUDGET_BYTES);
  });

  it('ships exactly the logos our presets name, as separate images', () => {
    const assets = loadUiAssets();
    const icons = [...assets.files.keys()].filter((name) => name.startsWith('icon-'));
    expect(icons.every((name) => /^icon-[a-z0-9]+-[0-9a-f]{10}\.svg$/.test(name))).toBe(true);
    const slugs = icons.map((name) => name.replace(/^icon-|-[0-9a-f]{10}\.svg$/g, '')).sort();
    const named = [...new Set(Object.values(presets).flatMap((p) => (p.logo ? [p.logo] : [])))].sort();
    expect(named.length).toBeGreaterThan(10);
    expect(slugs).toEqual(named);
  });
});
