import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoProvider, startDemoProvider } from '@tokenvault/demo';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServerProcess, startServer } from './support/cli-process.js';
import { type FrontDoor, openFrontDoor } from './support/front-door.js';
import { adminUrl } from './support/postgres.js';

const KEY = Buffer.alloc(32, 9).toString('base64');
const APP_ORIGIN = 'http://127.0.0.1:3999';
// RFC 6761: names under .invalid never resolve, so a provider there fails with a network error at once.
const GONE_ISSUER = 'https://tokenvault-test.invalid';

// What an operator sees when starting a vault: failures that name their cause and the next step, checks made at
// start rather than at the first request, and the redirect URIs to register.
describe('tokenvault serve for operators', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-operator-start-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function configWith(name: string, lines: string[]) {
    const file = join(dir, name);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }

  // Regression: a missing database printed "tokenvault: migration  failed", with no name and no cause.
  it('names the driver reason and what to check when the database cannot be reached', async () => {
    const missing = new URL(adminUrl);
    missing.pathname = `/tokenvault_missing_${process.pid}_${Date.now()}`;
    const noDatabase = await configWith('no-db.yaml', [
      `database: ${missing.href}`,
      `masterKey: ${KEY}`,
      'environments: { production: {} }',
    ]);
    const absent = await runCli(['migrate', '--config', noDatabase]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(
      `tokenvault: cannot migrate the database: database "${missing.pathname.slice(1)}" does not exist. Create the database`,
    );
    const noHost = await configWith('no-host.yaml', [
      'database: postgres://postgres@tokenvault-test.invalid:5432/vault',
      `masterKey: ${KEY}`,
      'environments: { production: {} }',
    ]);
    const unreachable = await runCli(['serve', '--config', noHost, '--port', '0']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot migrate the database: getaddrinfo \S+ tokenvault-test\.invalid/);
    expect(unreachable.stderr).toContain('Check that the database server is running');
  });

  it('says which port is taken and how to choose another', async () => {
    const holder = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as AddressInfo;
    try {
      const config = await configWith('port.yaml', [
        'database: sqlite:./port.db',
        `masterKey: ${KEY}`,
        'environments: { production: {} }',
      ]);
      const { code, stderr } = await runCli(['serve', '--config', config, '--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toContain(`tokenvault: port ${port} on 127.0.0.1 is already in use`);
      expect(stderr).toContain('--port N');
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      holder.close();
    }
  });

  describe('with providers', () => {
    let demo: DemoProvider;
    let door: FrontDoor;
    let server: ServerProcess;
    let config: string;

    beforeAll(async () => {
      door = await openFrontDoor();
      demo = await startDemoProvider({ clients: [] });
      config = await configWith('providers.yaml', [
        `publicUrl: ${door.url}`,
        'database: sqlite:./providers.db',
        `masterKey: ${KEY}`,
        `appOrigins: [${APP_ORIGIN}]`,
        'environments:',
        '  production:',
        '    providers:',
        `      good: { preset: oidc, issuer: ${demo.issuer}, clientId: x, clientSecret: y }`,
        `      gone: { preset: oidc, issuer: ${GONE_ISSUER}, clientId: x, clientSecret: y }`,
        '  staging: {}',
      ]);
      // The config comes from TOKENVAULT_CONFIG, as it may for every command.
      server = await startServer([], { TOKENVAULT_CONFIG: config }, door);
    });
    afterAll(async () => {
      await server?.stop();
      await door?.close();
      await demo?.close();
    });

    it('prints each environment, its providers and the redirect URI to register', async () => {
      await server.printed(/environment staging/);
      const output = server.output();
      expect(output).toContain('  environment production: 2 providers');
      expect(output).toContain(`    good: register the redirect URI ${door.url}/api/auth/good/handler/frame`);
      expect(output).toContain(`    gone: register the redirect URI ${door.url}/api/auth/gone/handler/frame`);
      expect(output).toContain('  environment staging: no providers');
    });

    // Regression: an unreachable issuer surfaced only at the first connect, as a 503 whose log named nothing.
    it('fetches discovery at start and warns, with provider, URL and reason, without refusing to start', async () => {
      await server.printed(/providers\.gone: discovery at/);
      expect(server.output()).toMatch(
        /tokenvault: warning: environments\.production\.providers\.gone: discovery at https:\/\/tokenvault-test\.invalid failed: .*getaddrinfo \S+ tokenvault-test\.invalid; connecting to it will fail until it answers/,
      );
      expect(server.output()).not.toContain('providers.good: discovery at');
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

      const start = new URL(`${door.url}/api/auth/gone/start`);
      start.search = new URLSearchParams({ env: 'production', origin: APP_ORIGIN, scope: 'openid' }).toString();
      const answer = await fetch(start, { redirect: 'manual' });
      expect(answer.status).toBe(503);
      await server.printed(/"cause":"TypeError: fetch failed <- Error: getaddrinfo/);
      const line = server
        .output()
        .split('\n')
        .find((l) => l.includes('"errorCode":"provider_unavailable"'));
      expect(line).toContain(`provider unreachable during discovery (provider gone, ${GONE_ISSUER}/)`);
      expect(line).toContain('getaddrinfo');
    });

    it('names the environment in a 404 and the expected audience in a 401', async () => {
      const created = await runCli([
        'clients',
        'create',
        '--config',
        config,
        '--env',
        'production',
        '--name',
        'r',
        '--role',
        'admin',
        '--json',
      ]);
      expect(created.code, created.stderr).toBe(0);
      const key = await parseAccessKey(JSON.parse(created.stdout).accessKey);
      const read = (jwt: string) =>
        fetch(`${door.url}/v1/connections/good/users/u1/credentials`, { headers: { authorization: `Bearer ${jwt}` } });

      const notFound = await read(await signServiceToken(key, { baseUrl: door.url }));
      expect(notFound.status).toBe(404);
      expect((await notFound.json()).message).toBe(
        "user 'u1' has no connected good account in environment 'production'",
      );

      const wrongAudience = await new SignJWT({})
        .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId })
        .setIssuer(`${door.url}/v1/clients/${key.clientId}`)
        .setSubject(key.clientId)
        .setAudience('https://somewhere-else.example')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key.privateKey);
      const refused = await read(wrongAudience);
      expect(refused.status).toBe(401);
      expect((await refused.json()).message).toBe(
        `the token's aud claim is not acceptable: it must be "production.accounts.authress.io" or "${door.url}"`,
      );
    });
  });
});
