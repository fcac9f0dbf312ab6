import { loadConfig } from '../config.js';
import { devDatabase } from '../dev-mode.js';
import { note } from '../output.js';
import { openStore } from '../runtime.js';
import { existingDevDirectory } from '../vault-source.js';

/** Applies pending migrations to the configured database (dev mode: an existing ./.tokenvault/vault.db). */
export async function migrate(args: {
  config: string | undefined;
  json?: boolean;
  print: (line: string) => void;
}): Promise<void> {
  const database = args.config ? loadConfig(args.config).database : devDatabase(existingDevDirectory('migrate', note));
  const store = await openStore(database);
  try {
    await store.migrate();
  } finally {
    await store.close();
  }
  args.print(args.json ? JSON.stringify({ migrated: true }) : 'migrations applied');
}
