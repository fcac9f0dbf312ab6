import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const hooks = fileURLToPath(new URL('../bin/prefer-commonjs.js', import.meta.url));

// The `tokenvault` process loads kysely and zod from their CommonJS builds (bin/prefer-commonjs.js), which keeps
// its idle memory down (docs/benchmarks.md); anything else resolves as usual.
describe('bin/prefer-commonjs.js', () => {
  it('resolves kysely and zod to their CommonJS builds, and leaves other packages alone', async () => {
    const script = `
      import { createRequire, register } from 'node:module';
      import { pathToFileURL } from 'node:url';
      register(pathToFileURL(${JSON.stringify(hooks)}));
      const { z } = await import('zod');
      const { Kysely } = await import('kysely');
      const jose = await import('jose');
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        zod: loaded.some((f) => f.endsWith('/zod/index.cjs')),
        kysely: loaded.some((f) => f.includes('/kysely/dist/cjs/')),
        works: typeof z.object === 'function' && typeof Kysely === 'function' && typeof jose.jwtVerify === 'function',
      }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    expect(JSON.parse(stdout)).toEqual({ zod: true, kysely: true, works: true });
  });
});
