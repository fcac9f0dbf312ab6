import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './support/cli-process.js';

const TOKEN = 'scrape-me-please-0123456789';

// `metricsToken` in the config file closes /metrics to anyone without it; /healthz and /readyz stay open for
// load balancers.
describe('/metrics with metricsToken', () => {
  let dir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-metrics-'));
    const config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `database: sqlite:./vault.db
masterKey: ${Buffer.alloc(32, 6).toString('base64')}
metricsToken: \${TEST_METRICS_TOKEN}
environments: {}
`,
    );
    server = await startServer(['--config', config, '--port', '0'], { TEST_METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const metrics = (authorization?: string) =>
    fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers only the configured bearer token', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const refused = await metrics(authorization);
      expect(refused.status, String(authorization)).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      expect(await refused.json()).toMatchObject({ error: 'unauthorized' });
    }
    const scraped = await metrics(`Bearer ${TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# TYPE tokenvault_refreshes_total counter');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.output()).not.toContain(TOKEN);
  });
});
