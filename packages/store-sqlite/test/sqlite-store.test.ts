import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformance } from '../../core/test/store-conformance.js';
import { createSqliteStore } from '../src/index.js';

storeConformance('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tokenvault-sqlite-'));
  return {
    store: createSqliteStore({ filename: join(dir, 'vault.db') }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
