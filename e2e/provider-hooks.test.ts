import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { type FrontDoor, openFrontDoor } from './support/front-door.js';
import { type QuirkyProvider, startQuirkyProvider } from './support/quirky-provider.js';

const APP_ORIGIN = 'http://127.0.0.1:3999';
// The CLI runs compiled JavaScript; TypeScript hooks load through tsx, as docs/configuration.md says.
const WITH_TSX = { NODE_OPTIONS: '--import tsx' };

// A user adds a provider the spec alone cannot describe with config plus a hooks module, without touching the
// engine (docs/configuration.md, "Code hooks"): this provider's token endpoint reads JSON bodies only, so only the hooks can talk to it.
const HOOKS = `import type { ProviderHooks } from '@tokenvault/core';

// Each hook is given the vault's fetch: redirects refused, answers capped, the provider timeout applied.
const post = async (fetch: typeof globalThis.fetch, tokenUri: string | undefined, body: object) => {
  const response = await fetch(tokenUri as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw Object.assign(new Error(data.error), { code: data.error === 'invalid_grant' ? 'needs_reauth' : undefined });
  return data;
};

export const getTokenData: ProviderHooks['getTokenData'] = ({ fetch, tokenUri, clientId, clientSecret, code, redirectUri }) =>
  post(fetch, tokenUri, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret });

export const refreshCredentials: ProviderHooks['refreshCredentials'] = ({ fetch, tokenUri, clientId, clientSecret, refreshToken }) =>
  post(fetch, tokenUri, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret });

export const getCredentialsFromTokenResponse: ProviderHooks['getCredentialsFromTokenResponse'] = async ({ tokenResponse }) =>
  ({ ...tokenResponse, scope: 'read hooked' });

// Connecting fails unless the new token works at the provider's API.
export const test: ProviderHooks['test'] = async ({ fetch, tokenUri, accessToken }) => {
  const me = await fetch((tokenUri as string).replace('/token', '/me'), { headers: { authorization: \`Bearer \${accessToken}\` } });
  if (!me.ok) throw new Error(\`the token does not work: HTTP \${me.status}\`);
};
`;

describe('a custom provider with code hooks from the config file', () => {
  let provider: QuirkyProvider;
  let server: ServerProcess;
  let door: FrontDoor;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    provider = await startQuirkyProvider({ jsonTokenRequests: true });
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-hooks-'));
    await writeFile(join(dir, 'json-provider.hooks.mts'), HOOKS);
    door = await openFrontDoor();
    config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `publicUrl: ${door.url}
database: sqlite:./vault.db
masterKey: ${Buffer.alloc(32, 4).toString('base64')}
appOrigins: [${APP_ORIGIN}]
refreshAhead: false
environments:
  development:
    providers:
      jsonp:
        type: oauth2
        displayName: JSON Provider
        authorizeUri: ${provider.url}/authorize
        tokenUri: ${provider.url}/token
        account: { userInfoUri: ${provider.url}/me, idPath: id, displayNamePath: name }
        hooks: ./json-provider.hooks.mts
        clientId: vault
        clientSecret: s3cret
        scopes: [read]
`,
    );
    server = await startServer(['--config', config], WITH_TSX, door);
  });
  afterAll(async () => {
    await server?.stop();
    await door?.close();
    await provider?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('connects through getTokenData, keeps what getCredentialsFromTokenResponse says, refreshes through refreshCredentials', async () => {
    const jar = new CookieJar();
    const start = await jar.fetch(
      `${door.url}/api/auth/jsonp/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    const approved = await fetch(start.headers.get('location') as string, { redirect: 'manual' });
    const frame = await jar.fetch(approved.headers.get('location') as string);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('authorization_response');

    const accessKey = await createAccessKey(config, ['--name', 'w', '--role', 'admin']);
    const jwt = await signServiceToken(parseAccessKey(accessKey), {
      baseUrl: door.url,
    });
    const call = async (path: string, init: RequestInit = {}) =>
      (await fetch(`${door.url}${path}`, { ...init, headers: { authorization: `Bearer ${jwt}` } })).json();
    const [account] = (await call('/v1/users/jsonp%3Aacct-1/connected-accounts')).items;
    expect(account).toMatchObject({ provider: 'jsonp', providerAccountId: 'acct-1', scopes: ['read', 'hooked'] });

    const token = await call(`/v1/users/jsonp%3Aacct-1/connected-accounts/${account.id}/access-token`, {
      method: 'POST',
      body: JSON.stringify({ minValiditySeconds: 86_400 }),
    });
    expect(token.accessToken).toBe(provider.userTokens.at(-1));
    expect(provider.refreshes).toBe(1);
    expect(provider.tokenForms.map((form) => form.get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
  });

  it("passes a hook's needs_reauth through: a refresh the provider refuses marks the account, never a 5xx", async () => {
    // The refreshCredentials hook above throws code needs_reauth for invalid_grant.
    const accessKey = await createAccessKey(config, ['--name', 'r', '--role', 'admin']);
    const jwt = await signServiceToken(parseAccessKey(accessKey), {
      baseUrl: door.url,
    });
    const headers = { authorization: `Bearer ${jwt}` };
    const [account] = (
      await (await fetch(`${door.url}/v1/users/jsonp%3Aacct-1/connected-accounts`, { headers })).json()
    ).items;
    // Expired in the database: the last test's refresh is too recent for a forced one to reach the provider.
    const db = new SQLite(join(dir, 'vault.db'));
    db.prepare('update connected_accounts set expires_at = ? where id = ?').run(Date.now() - 1000, account.id);
    db.close();
    provider.nextAnswer(400, { error: 'invalid_grant' });
    const read = await fetch(`${door.url}/v1/users/jsonp%3Aacct-1/connected-accounts/${account.id}/access-token`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ minValiditySeconds: 86_400 }),
    });
    expect(read.status).toBe(409);
    expect((await read.json()).error).toBe('needs_reauth');
  });

  it('refuses to start with a hooks module that exports none of the hooks', async () => {
    await writeFile(join(dir, 'empty.hooks.mts'), 'export const nothing = 1;\n');
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, (await readFile(config, 'utf8')).replace('./json-provider.hooks.mts', './empty.hooks.mts'));
    const served = await startServer(['--config', broken, '--port', '0'], WITH_TSX).catch((err: Error) => err);
    expect(served).toBeInstanceOf(Error);
    expect(String(served)).toMatch(/exports none of getTokenData/);
  });

  it('names the ways to load a TypeScript hooks module when started without a loader', async () => {
    const served = await startServer(['--config', config, '--port', '0']).catch((err: Error) => err);
    expect(String(served)).toMatch(
      /cannot load .*json-provider\.hooks\.mts: .*compile it to \.js, or start with NODE_OPTIONS="--import tsx"/,
    );
  });
});
