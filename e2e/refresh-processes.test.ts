import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { type FrontDoor, openFrontDoor } from './support/front-door.js';
import { type Sql, vaultDatabase } from './support/vault-database.js';

const APP_ORIGIN = 'http://127.0.0.1:3999';
const HERD = 1000;

// Several `tokenvault serve` processes on one database, a real OpenID provider with refresh-token rotation and
// reuse detection (a double refresh revokes the grant), and a fault proxy in front of its token endpoint.
describe.each([
  ['postgres', 3],
  ['sqlite', 2],
] as const)('refresh across processes on %s (%i processes)', (storeKind, processCount) => {
  let demo: DemoProvider;
  let proxy: FaultProxy;
  let servers: ServerProcess[] = [];
  let dir: string;
  let publicUrl: string;
  let accessKey: string;
  let sql: Sql;
  let cleanup = async () => {};
  let door: FrontDoor;
  let config: string;
  let database: string;
  const env = { TEST_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };

  beforeAll(async () => {
    door = await openFrontDoor();
    publicUrl = door.url;
    demo = await startDemoProvider({
      clients: [
        { clientId: 'vault', clientSecret: 'corp-secret', redirectUris: [`${publicUrl}/api/auth/corp/handler/frame`] },
      ],
      accessTokenTtlSeconds: 3600,
    });
    proxy = await startFaultProxy();
    proxy.target = demo.issuer;
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-processes-'));
    ({ database, sql, cleanup } = await vaultDatabase(storeKind, dir));
    config = join(dir, 'tokenvault.yaml');
    await writeConfig(10);
    accessKey = await createAccessKey(config, ['--name', 'herd', '--role', 'admin'], env);
  });

  /** Plain OAuth 2.0 with endpoints by hand, so the token endpoint can sit behind the proxy. */
  async function writeConfig(providerTimeoutSeconds: number, refreshAhead = false) {
    await writeFile(
      config,
      `publicUrl: ${publicUrl}
database: ${database}
masterKey: \${TEST_MASTER_KEY}
appOrigins: [${APP_ORIGIN}]
refreshAhead: ${refreshAhead}
providerTimeoutSeconds: ${providerTimeoutSeconds}
environments:
  development:
    providers:
      corp:
        preset: oauth2
        clientId: vault
        clientSecret: corp-secret
        authorizeUri: ${demo.issuer}/auth
        tokenUri: ${proxy.url}/token
        account: { userInfoUri: ${demo.issuer}/me, idPath: sub }
        extra: { authorize: { prompt: consent } }
        scopes: [openid, email, offline_access]
`,
    );
  }

  /** Starts the processes on the current config; the first one is behind the door, everybody's publicUrl. */
  async function startServers() {
    servers.push(await startServer(['--config', config], env, door));
    while (servers.length < processCount) servers.push(await startServer(['--config', config, '--port', '0'], env));
  }

  async function stopServers() {
    for (const server of servers) await server.stop();
    servers = [];
  }

  afterEach(stopServers);
  afterAll(async () => {
    await proxy?.close();
    await door?.close();
    await demo?.close();
    await cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Connects `login` through the first process; returns the token route of the new account. */
  async function connect(login: string) {
    const jar = new CookieJar();
    const start = await jar.fetch(
      `${publicUrl}/api/auth/corp/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    const frame = await jar.fetch(await loginWithoutBrowser(start.headers.get('location') as string, { login }));
    expect(frame.status).toBe(200);
    const [row] = await sql('select id from connected_accounts where user_id = $1', `corp:${login}`);
    const id = row?.id as string;
    return { id, path: `/v1/users/${encodeURIComponent(`corp:${login}`)}/connected-accounts/${id}/access-token` };
  }

  /** Makes the stored access token expired, as time would. */
  const expire = (id: string) =>
    sql('update connected_accounts set expires_at = $1 where id = $2', Date.now() - 1000, id);
  const account = async (id: string) => (await sql('select * from connected_accounts where id = $1', id))[0] ?? {};

  async function read(server: ServerProcess, path: string, body = '{}') {
    // Every process has the same publicUrl, which is the audience of the service JWT.
    const jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: await response.json() };
  }

  // Starting the processes and serving the herd take what the machine gives them: the claim is exactly once, not
  // how fast, so the time limit is generous.
  it(`refreshes an expired credential exactly once for ${HERD} concurrent requests spread over the processes`, {
    timeout: 120_000,
  }, async () => {
    await startServers();
    const { id, path } = await connect('herd');
    await expire(id);
    const oldToken = (await account(id)).access_token;
    const grants = demo.stats.refreshGrants;
    const calls = demo.stats.tokenRequests;

    // A slow provider: the winner's call takes a second, so every process is waiting while it is in flight.
    proxy.next({ kind: 'hold', until: new Promise((resolve) => setTimeout(() => resolve('forward'), 1000)) });
    const results = await Promise.all(
      Array.from({ length: HERD }, (_, i) => read(servers[i % processCount] as ServerProcess, path)),
    );

    expect(results.filter((r) => r.status !== 200).slice(0, 3)).toEqual([]);
    expect(new Set(results.map((r) => r.body.accessToken)).size).toBe(1);
    expect(demo.stats.refreshGrants - grants).toBe(1);
    expect(demo.stats.tokenRequests - calls).toBe(1);
    const after = await account(id);
    expect(after).toMatchObject({ status: 'active', lease_owner: null });
    expect(after.access_token).not.toBe(oldToken);
    // Still healthy: had the refresh token been spent twice, the provider would have revoked the grant. (Expired
    // again: a read asking for more validity right after a refresh is served that refresh's token.)
    await expire(id);
    const forced = await read(servers[processCount - 1] as ServerProcess, path);
    expect(forced.status).toBe(200);
    expect(forced.body.accessToken).not.toBe(results[0]?.body.accessToken);
    expect(demo.stats.refreshGrants - grants).toBe(2);
  });

  it('lets another process finish the refresh when the one holding the lease is killed', async () => {
    // A short provider timeout makes the lease short (three times the timeout), so the takeover comes soon.
    await writeConfig(2);
    await startServers();
    const { id, path } = await connect('crash');
    await expire(id);
    const before = await account(id);
    const grants = demo.stats.refreshGrants;
    const victim = servers[1] as ServerProcess;
    const survivor = servers[processCount === 3 ? 2 : 0] as ServerProcess;

    // The victim's refresh reaches the provider's door and is held there; then the victim dies mid-call.
    proxy.next({ kind: 'hold', until: new Promise(() => {}) });
    const arrived = proxy.arrived(proxy.matched + 1);
    const doomed = read(victim, path).catch(() => 'lost');
    await arrived;
    expect((await account(id)).lease_owner).toEqual(expect.any(String));
    await victim.crash();
    expect(await doomed).toBe('lost');

    // The survivor waits for the dead holder's lease to run out, takes it over and refreshes once.
    const result = await read(survivor, path);
    expect(result.status).toBe(200);
    expect(demo.stats.refreshGrants - grants).toBe(1);
    const after = await account(id);
    expect(after).toMatchObject({ status: 'active', lease_owner: null, lease_expires_at: null, failure_count: 0 });
    expect(Number(after.version)).toBe(Number(before.version) + 1);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    // Nothing corrupted: the credential decrypts and the grant is alive.
    await expire(id);
    const forced = await read(survivor, path);
    expect(forced.status).toBe(200);
    expect(demo.stats.refreshGrants - grants).toBe(2);
    if (storeKind === 'sqlite') expect(await sql('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('refreshes a due credential in the background, once, with every process running the scheduler', async () => {
    await writeConfig(10, true);
    await startServers();
    const { id } = await connect('ahead');
    const grants = demo.stats.refreshGrants;
    const before = await account(id);
    expect(before.last_refreshed_at).toBeNull();
    await sql('update connected_accounts set next_refresh_at = $1 where id = $2', Date.now() - 1000, id);
    const deadline = Date.now() + 20_000;
    let after = before;
    while (after.last_refreshed_at === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await account(id);
    }
    expect(after.last_refreshed_at, 'refreshed without any request').not.toBeNull();
    expect(Number(after.next_refresh_at)).toBeGreaterThan(Date.now());
    expect(after.access_token).not.toBe(before.access_token);
    // Give the other processes' schedulers a few more passes: none may refresh it again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(demo.stats.refreshGrants - grants).toBe(1);
    expect(Number((await account(id)).version)).toBe(Number(after.version));
  });
});
