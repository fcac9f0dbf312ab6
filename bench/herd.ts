import pg from 'pg';
import { check, type Section } from './report.js';
import { prepareVault } from './vault-process.js';

/**
 * Herd (docs/benchmarks.md): concurrent requests for one expired credential across processes on PostgreSQL; the demo
 * provider counts its token-endpoint calls (target: exactly one) and every request must succeed.
 */
export async function herd(options: { smoke: boolean }): Promise<Section> {
  const processes = options.smoke ? 2 : 3;
  const requests = options.smoke ? 100 : 1000;
  const vault = await prepareVault({ store: 'postgres', processes });
  try {
    const { accountId, path } = await vault.connect('herd');
    const client = new pg.Client({ connectionString: vault.database });
    await client.connect();
    try {
      await client.query('update connected_accounts set expires_at = $1 where id = $2', [Date.now() - 1000, accountId]);
    } finally {
      await client.end();
    }
    const callsBefore = vault.demo.stats.tokenRequests;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: requests }, async (_, i) => {
        const server = vault.servers[i % processes];
        const response = await fetch(`${server?.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${vault.jwt}`, 'content-type': 'application/json' },
          body: '{}',
        });
        const body = (await response.json()) as { accessToken?: string };
        return { ok: response.ok, token: body.accessToken };
      }),
    );
    const elapsedMs = performance.now() - started;
    const calls = vault.demo.stats.tokenRequests - callsBefore;
    const errors = results.filter((r) => !r.ok).length;
    const tokens = new Set(results.map((r) => r.token)).size;
    return {
      name: 'herd (postgres)',
      figures: [
        { name: 'token endpoint calls', value: calls, unit: 'calls', target: '== 1', pass: check(calls, '== 1') },
        { name: 'errors', value: errors, unit: 'requests', target: '== 0', pass: check(errors, '== 0') },
        { name: 'distinct tokens served', value: tokens, unit: 'tokens', target: '== 1', pass: check(tokens, '== 1') },
        { name: 'time to serve all', value: elapsedMs, unit: 'ms' },
      ],
      notes: [`${requests} concurrent requests over ${processes} processes for one expired credential`],
    };
  } finally {
    await vault.cleanup();
  }
}
