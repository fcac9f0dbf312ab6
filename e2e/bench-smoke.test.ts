import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli-process.js';

// `npm run bench -- --smoke` in CI, so the benchmark never rots (issue 8): every section runs at a tiny scale and
// prints its figures; the correctness figures (the herd's single refresh) must hold even at that scale.
describe('benchmark smoke mode', () => {
  // About a minute on a quiet machine; over two under a loaded one (the full suite beside other work), hence 300 s.
  it('runs every section and prints its figures', { timeout: 300_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke'], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code, stderr).toBe(0);
    const rows = stdout
      .split('\n')
      .map((line) => line.split(/\s{2,}/))
      .filter((cells) => cells.length >= 4 && cells[0] !== 'section' && !cells[0]?.startsWith('-'));
    const figure = (section: string, name: string) => rows.find((r) => r[0] === section && r[1] === name);
    for (const store of ['sqlite', 'postgres']) {
      const throughput = figure(`token read (${store})`, 'requests/s');
      expect(Number(throughput?.[2]), `token read on ${store}`).toBeGreaterThan(0);
      expect(Number(throughput?.[4]), `baseline for ${store}`).toBeGreaterThan(0);
      // The same-work baseline served every request with a token: otherwise the ratio would judge nothing. (Its
      // row has no target, so the verdict is its last cell.)
      const verdict = figure(`token read (${store})`, 'same-work requests/s')?.at(-1);
      expect(verdict, `same-work baseline on ${store}`).toBe('yes');
      // The browser's reads, /refresh and /v1/me, each answered every request with a token.
      // On failure the section's note says which statuses came back.
      const note = stdout.split('\n').find((line) => line.startsWith(`[token read (${store})]`));
      for (const route of ['/refresh', '/v1/me']) {
        expect(figure(`token read (${store})`, `${route} requests/s`)?.at(-1), `${route} on ${store}: ${note}`).toBe(
          'yes',
        );
      }
    }
    expect(figure('herd (postgres)', 'token endpoint calls')?.slice(2, 3)).toEqual(['1']);
    expect(figure('herd (postgres)', 'errors')?.slice(2, 3)).toEqual(['0']);
    for (const store of ['sqlite', 'postgres']) {
      expect(figure(`background refresh (${store})`, 'failures')?.slice(2, 3)).toEqual(['0']);
      expect(figure(`background refresh (${store})`, 'claim query uses index')?.slice(2, 3)).toEqual(['1']);
    }
    const proxied = figure('proxy (sqlite)', 'requests/s');
    expect(Number(proxied?.[2]), 'proxy throughput').toBeGreaterThan(0);
    expect(Number(proxied?.[4]), 'same-work forwarder throughput').toBeGreaterThan(0);
    // The same-work forwarder answered every call from the upstream, or the proxy's ratio judges nothing.
    expect(figure('proxy (sqlite)', 'same-work requests/s')?.at(-1), 'same-work forwarder').toBe('yes');
    expect(Number(figure('proxy (sqlite)', 'requests/s vs bare forwarder')?.[4]), 'bare forwarder').toBeGreaterThan(0);
    expect(figure('proxy (sqlite)', 'added p50 latency')?.[2]).toMatch(/^-?\d/);
    expect(Number(figure('footprint (sqlite)', 'start to ready')?.[2])).toBeGreaterThan(0);
    expect(Number(figure('footprint (sqlite)', 'idle RSS')?.[2])).toBeGreaterThan(0);
    expect(Number(figure('footprint (sqlite)', 'RSS after 1 s of token reads')?.[2])).toBeGreaterThan(0);
    expect(Number(figure('footprint (sqlite)', 'RSS 0.2 s after the load')?.[2])).toBeGreaterThan(0);
  });
});
