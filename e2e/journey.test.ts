import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthressClient } from './support/authress-sdk.js';
import { createAccessKey, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { type FrontDoor, openFrontDoor } from './support/front-door.js';
import { sleep } from './support/net.js';
import { readPopupPage } from './support/popup-page.js';
import { createTempDatabase } from './support/postgres.js';

const APP_ORIGIN = 'http://127.0.0.1:3999';
const TOKEN_TTL_SECONDS = 3;

// The newcomer's journey with `tokenvault serve --config` and `preset: oidc` against a real OpenID provider:
// connect, read a token with a service JWT, and keep reading it across expiries, on both stores.
describe.each(['sqlite', 'postgres'] as const)('journey on %s', (storeKind) => {
  let demo: DemoProvider;
  let server: ServerProcess;
  let door: FrontDoor;
  let publicUrl: string;
  let dir: string;
  let database: string;
  let dropDatabase = async () => {};
  let accessKey: string;
  let config: string;
  let env: Record<string, string>;
  const bodies: string[] = [];
  const jar = new CookieJar();

  beforeAll(async () => {
    door = await openFrontDoor();
    publicUrl = door.url;
    demo = await startDemoProvider({
      clients: [
        { clientId: 'vault', clientSecret: 'corp-secret', redirectUris: [`${publicUrl}/api/auth/corp/handler/frame`] },
      ],
      accessTokenTtlSeconds: TOKEN_TTL_SECONDS,
    });
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-journey-'));
    if (storeKind === 'postgres') {
      const temp = await createTempDatabase();
      database = temp.url;
      dropDatabase = temp.drop;
    } else {
      database = 'sqlite:./vault.db';
    }
    config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `publicUrl: ${publicUrl}
database: ${database}
masterKey: \${TEST_MASTER_KEY}
appOrigins: [${APP_ORIGIN}]
refreshAhead: false # this journey is about refresh on demand; the scheduler has its own tests
environments:
  development:
    providers:
      corp:
        preset: oidc
        issuer: ${demo.issuer}
        clientId: vault
        clientSecret: \${CORP_SECRET}
`,
    );
    env = {
      TEST_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      CORP_SECRET: 'corp-secret',
      TOKENVAULT_LOG_LEVEL: 'debug',
    };
    server = await startServer(['--config', config], env, door);
    accessKey = await createAccessKey(config, ['--name', 'worker', '--role', 'admin'], env);
    if (storeKind === 'sqlite') database = `sqlite:${join(dir, 'vault.db')}`;
  });

  afterAll(async () => {
    await server?.stop();
    await door?.close();
    await demo?.close();
    await dropDatabase();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function call(path: string, init: RequestInit = {}) {
    const jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });
    const response = await fetch(`${publicUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    });
    const text = await response.text();
    bodies.push(text);
    return { status: response.status, body: JSON.parse(text) };
  }

  it('connects, reads a token, then reads refreshed tokens after each expiry', async () => {
    const start = await jar.fetch(
      `${publicUrl}/api/auth/corp/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') as string);
    expect(authorize.origin).toBe(demo.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('prompt')).toBe('consent');

    const callback = await loginWithoutBrowser(authorize.href, { login: 'alice' });
    expect(callback.startsWith(`${publicUrl}/api/auth/corp/handler/frame?`)).toBe(true);
    const frame = await jar.fetch(callback);
    const html = await frame.text();
    bodies.push(html);
    expect(frame.status).toBe(200);
    const { targetOrigin, message } = readPopupPage(html);
    expect(targetOrigin).toBe(APP_ORIGIN);
    expect(message.type).toBe('authorization_response');
    const popupToken: string = message.response.providerInfo.accessToken;
    expect(message.response.providerInfo.scope.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'offline_access']),
    );
    expect(message.response.profile).toMatchObject({ displayName: 'alice', email: 'alice@demo.tokenvault.local' });
    expect(jar.get('tokenvault_session')).toBeTruthy();
    expect(jar.get('corp-refresh-token')).toBeTruthy();

    // A browser without a session signs in as {provider}:{providerAccountId}.
    const list = await call('/v1/users/corp%3Aalice/connected-accounts');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const account = list.body.items[0];
    expect(account).toMatchObject({ provider: 'corp', providerAccountId: 'alice', status: 'active' });
    const tokenPath = `/v1/users/corp%3Aalice/connected-accounts/${account.id}/access-token`;

    // A fresh token is served as stored (minValiditySeconds: 1 keeps a slow machine from forcing a refresh).
    const first = await call(tokenPath, { method: 'POST', body: '{"minValiditySeconds":1}' });
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toBe(popupToken);
    expect(demo.stats.refreshGrants).toBe(0);

    await sleep(Date.parse(first.body.expiresAt) - Date.now() + 250);
    const second = await call(tokenPath, { method: 'POST', body: '{}' });
    expect(second.status).toBe(200);
    expect(second.body.accessToken).not.toBe(first.body.accessToken);
    expect(demo.stats.refreshGrants).toBe(1);

    // The provider revokes the grant if a rotated refresh token is used twice: a second refresh proves
    // the vault stored the rotated one.
    await sleep(Date.parse(second.body.expiresAt) - Date.now() + 250);
    const third = await call(tokenPath, { method: 'POST' });
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    expect(third.body.accessToken).not.toBe(second.body.accessToken);
    expect(demo.stats.refreshGrants).toBe(2);
    const userinfo = await fetch(`${demo.issuer}/me`, {
      headers: { authorization: `Bearer ${third.body.accessToken}` },
    });
    expect(userinfo.status).toBe(200);

    // At rest, every token column is ciphertext.
    const row = await readAccountRow(database, account.id);
    for (const column of ['access_token', 'refresh_token', 'id_token']) {
      expect(row[column]).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+$/);
    }
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(third.body.accessToken);
    for (const refreshToken of demo.issuedRefreshTokens()) expect(raw).not.toContain(refreshToken);
  });

  it('lets a backend with only @authress/sdk and a key from `clients create` read the token, and audits it', async () => {
    // Service clients end to end (docs/api.md, "Service clients"), against the real server process and CLI.
    const readerKey = await createAccessKey(
      config,
      ['--name', 'nightly', '--role', 'credentials-reader', '--resource', 'connections/corp/users/*/credentials'],
      env,
    );
    const sdk = new AuthressClient({ authressApiUrl: publicUrl }, readerKey);
    const read = await sdk.connections.getConnectionCredentials('corp', 'corp:alice');
    expect(read.status).toBe(200);
    const userinfo = await fetch(`${demo.issuer}/me`, {
      headers: { authorization: `Bearer ${read.data.accessToken}` },
    });
    expect(userinfo.status).toBe(200);
    bodies.push(JSON.stringify(read.data));

    const { clientId, keyId } = parseAccessKey(readerKey);
    const audit = await call(`/v1/admin/audit?clientId=${clientId}`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'credentials.read',
        principal: `client:${clientId}`,
        keyId,
        userId: 'corp:alice',
        provider: 'corp',
        result: 'ok',
      }),
    ]);
  });

  it('never shows a refresh token in a response body or a log line', () => {
    const issued = demo.issuedRefreshTokens();
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const seen = [...bodies, server.output(), ...jar.received].join('\n');
    expect(server.output()).toContain('"msg":"request"'); // the log was captured, at debug level
    for (const refreshToken of issued) expect(seen).not.toContain(refreshToken);
  });
});

async function readAccountRow(database: string, id: string): Promise<Record<string, string>> {
  if (database.startsWith('sqlite:')) {
    const db = new SQLite(database.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare('select * from connected_accounts where id = ?').get(id) as Record<string, string>;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    return (await client.query('select * from connected_accounts where id = $1', [id])).rows[0];
  } finally {
    await client.end();
  }
}
