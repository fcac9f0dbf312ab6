import { createTempDatabase } from '../../../e2e/support/postgres.js';
import { storeConformance } from '../../core/test/store-conformance.js';
import { createPostgresStore } from '../src/index.js';

storeConformance('postgres', async () => {
  const database = await createTempDatabase();
  return { store: createPostgresStore({ connectionString: database.url }), cleanup: database.drop };
});
