import { loadConfig } from '../config.js';
import { devDatabase, devDirectory } from '../dev-mode.js';
import { openStore } from '../runtime.js';

/** Applies pending migrations to the configured database (dev mode: ./.tokenvault/vault.db). */
export async function migrate(args: { config?: string; print: (line: string) => void }): Promise<void> {
  const database = args.config ? loadConfig(args.config).database : devDatabase(devDirectory());
  const store = await openStore(database);
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  args.print('migrations applied');
}
