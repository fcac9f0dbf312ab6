import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './support/cli-process.js';

// Dev mode (`tokenvault serve` without a config) serves the dashboard and signs the local user in as admin of
// `development` without an identity provider: the shipped bundle, as `npm start` runs it.
describe('the dashboard in dev mode', () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-dash-dev-'));
    server = await startServer(['--port', '0'], { TOKENVAULT_DEV_DIR: dir });
  });
  afterAll(async () => {
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('signs the local user in as admin of development, who manages its service clients', async () => {
    await server.printed(/the operator dashboard is at \S+\/dashboard/);
    const page = await fetch(`${server.url}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const login = await fetch(`${server.url}/dashboard/login`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe(`${server.url}/dashboard`);
    const cookie = /^(tokenvault_operator=[^;]+);.*HttpOnly.*SameSite=Strict/i.exec(
      login.headers.get('set-cookie') ?? '',
    );
    expect(cookie?.[1]).toBeDefined();
    const headers = { cookie: cookie?.[1] ?? '' };
    const session = await (await fetch(`${server.url}/v1/admin/operator-session`, { headers })).json();
    expect(session).toMatchObject({
      signedIn: true,
      principal: 'operator:local',
      environments: [{ name: 'development', role: 'admin' }],
    });
    const clients = await fetch(`${server.url}/v1/admin/clients`, { headers });
    expect(clients.status).toBe(200);
    expect((await clients.json()).items.map((c: { name: string }) => c.name)).toContain('dev-admin');
  });
});
