import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli-process.js';

const PROCESSES = 6;

/** Opens the store, says "ready", and migrates when told "go": so the processes start their migrations together. */
const MIGRATOR = `
import { createSqliteStore } from '@tokenvault/store-sqlite';
const store = createSqliteStore({ filename: process.argv[1] });
console.log('ready');
process.stdin.once('data', async () => {
  try {
    await store.migrate();
    console.log('migrated');
  } catch (err) {
    console.log('failed: ' + err.message);
  }
  await store.close();
  process.exit(0);
});
`;

// Several processes starting at once on one new SQLite file (a deployment's first start, or two servers started
// together) must apply each migration once: Kysely takes no lock of its own on SQLite, so without the store's
// write lock two of them applied the same ALTER TABLE and one failed ("duplicate column name").
describe('concurrent migrations on one SQLite file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-migrate-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(`applies every migration exactly once when ${PROCESSES} processes migrate a new database together`, async () => {
    const filename = join(dir, 'vault.db');
    const children = Array.from({ length: PROCESSES }, () => {
      const args = ['--conditions=@tokenvault/source', '--import', 'tsx', '--input-type=module', '-e', MIGRATOR];
      const child = spawn(process.execPath, [...args, filename], { cwd: repoRoot });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      return { child, output: () => output };
    });
    // Everyone ready before anyone starts. A child that ends first fails the test with what it printed, rather than
    // leaving the wait to the test's time limit.
    await Promise.all(
      children.map(
        ({ child, output }) =>
          new Promise<void>((resolve, reject) => {
            const check = () => output().includes('ready') && resolve();
            child.stdout.on('data', check);
            child.once('exit', (code) =>
              reject(new Error(`a migrator exited (${code}) before it was ready:\n${output()}`)),
            );
            check();
          }),
      ),
    );
    for (const { child } of children) child.stdin.write('go\n');
    // A migrator still running after a minute fails the test with what each printed (one takes a few seconds).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`migrators still running:\n${children.map(({ output }) => output()).join('\n--\n')}`)),
        60_000,
      );
    });
    await Promise.race([Promise.all(children.map(({ child }) => once(child, 'exit'))), stuck]).finally(() => {
      clearTimeout(timer);
      for (const { child } of children) child.kill();
    });
    expect(children.map(({ output }) => output().trim())).toEqual(
      Array.from({ length: PROCESSES }, () => 'ready\nmigrated'),
    );
    const database = new SQLite(filename, { readonly: true });
    const names = database.prepare('select name from kysely_migration').all() as { name: string }[];
    database.close();
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names.map((row) => row.name)).size).toBe(names.length);
  });
});
