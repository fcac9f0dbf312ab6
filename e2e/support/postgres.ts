import pg from 'pg';

/** The PostgreSQL server of DEVELOPERS.md; override with TOKENVAULT_TEST_POSTGRES. */
export const adminUrl = process.env.TOKENVAULT_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of its own for one test file, dropped by `drop()`. */
export async function createTempDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tokenvault_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
