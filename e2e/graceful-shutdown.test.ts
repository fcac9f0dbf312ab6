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
import { keepAliveLoad } from './support/keep-alive-load.js';
import { type Sql, vaultDatabase } from './support/vault-database.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const APP_ORIGIN = 'http://127.0.0.1:3999';
const CLIENTS = 8;

// `tokenvault serve` as a service manager stops it: SIGTERM while it answers, then what the database holds after.
describe.each(['sqlite', 'postgres'] as const)('graceful shutdown on %s', (storeKind) => {
  let demo: DemoProvider;
  let proxy: FaultProxy;
  let hooks: WebhookReceiver;
  let server: ServerProcess | undefined;
  let dir: string;
  let config: string;
  let publicUrl: string;
  let door: FrontDoor;
  let jwt: string;
  let sql: Sql;
  let cleanup = async () => {};
  const env = { TEST_MASTER_KEY: Buffer.alloc(32, 4).toString('base64') };

  beforeAll(async () => {
    door = await openFrontDoor();
    publicUrl = door.url;
    demo = await startDemoProvider({
      clients: [
        { clientId: 'vault', clientSecret: 'corp-secret', redirectUris: [`${publicUrl}/api/auth/corp/handler/frame`] },
      ],
      accessTokenTtlSeconds: 3600,
    });
    // The token endpoint behind a proxy that can hold a refresh at the provider's door.
    proxy = await startFaultProxy();
    proxy.target = demo.issuer;
    hooks = await startWebhookReceiver('shutdown-webhook-secret');
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-shutdown-'));
    let database: string;
    ({ database, sql, cleanup } = await vaultDatabase(storeKind, dir));
    config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `publicUrl: ${publicUrl}
database: ${database}
masterKey: \${TEST_MASTER_KEY}
appOrigins: [${APP_ORIGIN}]
drainTimeoutSeconds: 3
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
    webhooks:
      - url: ${hooks.url}
        secret: shutdown-webhook-secret
`,
    );
    const accessKey = await createAccessKey(config, ['--name', 'reader', '--role', 'admin'], env);
    jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    await proxy?.close();
    await door?.close();
    await hooks?.close();
    await demo?.close();
    await cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    server = await startServer(['--config', config], env, door);
    return server;
  };

  /** Connects `login`; returns the account id and its token route. */
  async function connect(login: string) {
    const jar = new CookieJar();
    const begin = await jar.fetch(
      `${publicUrl}/api/auth/corp/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    const frame = await jar.fetch(await loginWithoutBrowser(begin.headers.get('location') as string, { login }));
    expect(frame.status).toBe(200);
    const [row] = await sql('select id from connected_accounts where user_id = $1', `corp:${login}`);
    const id = row?.id as string;
    return {
      id,
      url: `${server?.url}/v1/users/${encodeURIComponent(`corp:${login}`)}/connected-accounts/${id}/access-token`,
    };
  }

  const read = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: '{}',
    });
  const count = async (statement: string) => Number((await sql(statement))[0]?.n);
  const okReads = () =>
    count(`select count(*) as n from audit_log where action = 'credentials.read' and result = 'ok'`);
  const heldLeases = async () =>
    (await count('select count(*) as n from connected_accounts where lease_owner is not null')) +
    (await count('select count(*) as n from webhook_deliveries where lease_owner is not null'));
  const account = async (id: string) => (await sql('select * from connected_accounts where id = $1', id))[0] ?? {};
  const expire = (id: string) =>
    sql('update connected_accounts set expires_at = $1 where id = $2', Date.now() - 1000, id);

  /** A token read whose refresh the provider holds until `release`; resolves once the refresh reached it. */
  async function readHeldAtProvider(url: string) {
    let release: (fault: 'forward') => void = () => {};
    proxy.next({ kind: 'hold', until: new Promise((resolve) => (release = resolve)) });
    const arrived = proxy.arrived(proxy.matched + 1);
    const answer = read(url);
    await arrived;
    return { answer, release };
  }

  it('answers every request it accepted when SIGTERM comes mid-load, loses no audit row and exits 0', async () => {
    const vault = await start();
    const { url } = await connect('reader');
    const auditedBefore = await okReads();
    const load = keepAliveLoad({
      url,
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: '{}',
      clients: CLIENTS,
    });
    await load.reached(300);
    const signalledAt = load.markSignal();
    vault.signal('SIGTERM');
    const exit = await vault.exit;
    await load.done;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(load.tally.failed).toEqual([]);
    // Requests were in flight at the signal, and were answered in full.
    expect(load.tally.okAfterSignal).toBeGreaterThan(0);
    // Only after the signal did a request go unanswered: refused once the listener closed, or sent on a
    // keep-alive connection the server was closing (a request it never read).
    expect(load.tally.unanswered.filter((u) => u.at < signalledAt)).toEqual([]);
    expect(new Set(load.tally.unanswered.map((u) => u.code))).toContain('ECONNREFUSED');
    // Every 200 is in the audit log, and nothing the clients did not get.
    expect((await okReads()) - auditedBefore).toBe(load.tally.ok);
    expect(await heldLeases()).toBe(0);
  });

  it('lets a refresh in flight at SIGTERM complete, answers it, and leaves its lease free', async () => {
    const vault = await start();
    const { id, url } = await connect('slow');
    await expire(id);
    const before = await account(id);
    const auditedBefore = await okReads();
    const { answer, release } = await readHeldAtProvider(url);
    expect((await account(id)).lease_owner).toEqual(expect.any(String));

    vault.signal('SIGTERM');
    await vault.printed(/stopping/);
    await expect(fetch(`${vault.url}/healthz`)).rejects.toThrow(); // no new connections while draining
    release('forward');
    const response = await answer;
    expect(response.status).toBe(200);
    expect((await response.json()).accessToken).toEqual(expect.any(String));
    expect(await vault.exit).toEqual({ code: 0, signal: null });

    const after = await account(id);
    expect(after).toMatchObject({ lease_owner: null, lease_expires_at: null, status: 'active' });
    expect(Number(after.version)).toBe(Number(before.version) + 1);
    expect((await okReads()) - auditedBefore).toBe(1);
  });

  it('cuts a request that outlasts the drain time and exits 1, yet finishes its refresh before closing the store', async () => {
    const vault = await start();
    const { id, url } = await connect('late');
    await expire(id);
    const before = await account(id);
    const held = await readHeldAtProvider(url);
    const answer = held.answer.then(
      (response) => response.status,
      () => 'cut',
    );

    vault.signal('SIGTERM');
    await vault.printed(/the drain timed out/);
    expect(await answer).toBe('cut');
    held.release('forward');
    expect(await vault.exit).toEqual({ code: 1, signal: null });
    // The provider's new token set was stored, not lost with the connection: no lease left, one version on.
    const after = await account(id);
    expect(after).toMatchObject({ lease_owner: null, lease_expires_at: null, status: 'active' });
    expect(Number(after.version)).toBe(Number(before.version) + 1);
  });

  it('exits at once, with 143, on a second SIGTERM during the drain', async () => {
    const vault = await start();
    const { id, url } = await connect('impatient');
    await expire(id);
    const held = await readHeldAtProvider(url);
    const answer = held.answer.then(
      (response) => response.status,
      () => 'cut',
    );

    vault.signal('SIGTERM');
    await vault.printed(/stopping/);
    vault.signal('SIGTERM');
    expect(await vault.exit).toEqual({ code: 143, signal: null });
    expect(await answer).toBe('cut');
    held.release('forward');
    // Like a crash, the lease is left to run out (docs/deployment.md).
    expect((await account(id)).lease_owner).toEqual(expect.any(String));
    // Take back what the killed process held, for the next test.
    await sql('update connected_accounts set lease_owner = null, lease_expires_at = null');
    await sql('update webhook_deliveries set lease_owner = null, lease_expires_at = null');
  });

  it('finishes a webhook post under way at SIGTERM and records it as delivered', async () => {
    const vault = await start();
    let answer: () => void = () => {};
    // Only this account's event: earlier tests' events may still be going out.
    const ours = (payload: unknown) => (payload as { data?: { userId?: string } }).data?.userId === 'corp:hooked';
    const arrived = hooks.holdNext(new Promise((resolve) => (answer = resolve)), ours);
    const { id } = await connect('hooked'); // its account.connected event goes out from the background loop
    await arrived;

    vault.signal('SIGTERM');
    await vault.printed(/stopping/);
    answer();
    expect(await vault.exit).toEqual({ code: 0, signal: null });
    const deliveries = await sql('select * from webhook_deliveries where account_id = $1', id);
    expect(deliveries).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1, lease_owner: null })]);
    const attempts = await sql('select * from webhook_attempts where delivery_id = $1', deliveries[0]?.id);
    expect(attempts).toEqual([expect.objectContaining({ status: 204 })]);
  });
});
