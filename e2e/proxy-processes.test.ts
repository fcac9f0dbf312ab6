import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProvider, startApiProvider } from './support/api-provider.js';
import { createAccessKey, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { vaultDatabase } from './support/vault-database.js';

const PUBLIC_URL = 'http://127.0.0.1:7';
const APP_ORIGIN = 'http://127.0.0.1:3999';
const MB = 1024 * 1024;
const env = { TEST_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

/** Two `tokenvault serve` processes on one database, and the GitHub-like provider, for each store. */
describe.each(['sqlite', 'postgres'] as const)('the API proxy across processes on %s', (storeKind) => {
  let provider: ApiProvider;
  let servers: ServerProcess[] = [];
  let dir: string;
  let cleanup = async () => {};
  let jwt: string;
  let userId: string;
  let accountId: string;

  beforeAll(async () => {
    provider = await startApiProvider();
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-proxy-processes-'));
    const db = await vaultDatabase(storeKind, dir);
    cleanup = db.cleanup;
    const config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `publicUrl: ${PUBLIC_URL}
database: ${db.database}
masterKey: \${TEST_MASTER_KEY}
appOrigins: [${APP_ORIGIN}]
refreshAhead: false
environments:
  development:
    providers:
      octo:
        preset: oauth2
        clientId: vault
        clientSecret: octo-secret
        authorizeUri: ${provider.url}/login/oauth/authorize
        tokenUri: ${provider.url}/login/oauth/access_token
        account: { userInfoUri: ${provider.url}/user, idPath: id, displayNamePath: login }
        scopes: [repo]
        api: { baseUrl: ${provider.url}, allowPrivateNetworks: true }
`,
    );
    // Started together; one that fails must not leave the other running past afterAll.
    const started = await Promise.allSettled([0, 1].map(() => startServer(['--config', config, '--port', '0'], env)));
    servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    ({ userId, accountId } = await connect(servers[0] as ServerProcess));
    // The worker holds nothing but api-caller on the provider's accounts.
    const key = await createAccessKey(
      config,
      ['--name', 'worker', '--role', 'api-caller', '--resource', 'connections/octo/users/*/proxy'],
      env,
    );
    jwt = await signServiceToken(await parseAccessKey(key), { baseUrl: PUBLIC_URL });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await provider.close();
    await cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  /** The popup flow without a browser: the provider approves at once; the user is `octo:4242`. */
  async function connect(server: ServerProcess) {
    const jar = new CookieJar();
    const start = await jar.fetch(
      `${server.url}/api/auth/octo/start?scope=repo&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    const approved = await fetch(start.headers.get('location') as string, { redirect: 'manual' });
    const callback = new URL(approved.headers.get('location') as string);
    const done = await jar.fetch(`${server.url}${callback.pathname}${callback.search}`);
    expect(done.status).toBe(200);
    const listed = await fetch(`${server.url}/v1/me/connected-accounts`, {
      headers: { 'x-requested-with': 'XMLHttpRequest', cookie: jar.header(`${server.url}/v1/me/`) },
    });
    const [account] = (await listed.json()).items;
    return { userId: 'octo:4242', accountId: account.id as string };
  }

  const proxyUrl = (server: ServerProcess, path: string) =>
    `${server.url}/v1/users/${encodeURIComponent(userId)}/connected-accounts/${accountId}/proxy${path}`;

  it("lists the user's repositories for a worker holding only api-caller", async () => {
    for (const server of servers) {
      const response = await fetch(proxyUrl(server, '/user/repos'), { headers: { authorization: `Bearer ${jwt}` } });
      expect(response.status).toBe(200);
      expect((await response.json()).map((repo: { full_name: string }) => repo.full_name)).toEqual([
        'octo/hello-world',
        'octo/spoon-knife',
      ]);
    }
    // …and it cannot read the token itself.
    const token = await fetch(
      `${servers[0]?.url}/v1/users/${encodeURIComponent(userId)}/connected-accounts/${accountId}/access-token`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}` },
      },
    );
    expect(token.status).toBe(403);
  });

  // The server process reads the caller's headers from Node's request, not from a web Headers (the in-process
  // tests cover that path): the same rules must hold, for headers sent raw, repeated and named in Connection.
  it("strips the caller's credentials and hop-by-hop headers both ways, as sent raw to the server process", async () => {
    const url = new URL(proxyUrl(servers[0] as ServerProcess, '/user/repos?per_page=5'));
    const answer = await new Promise<{ status?: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest(url, {
        // Raw pairs, so a header can repeat; Node then adds no Host of its own.
        headers: [
          ['Host', url.host],
          ['Authorization', `Bearer ${jwt}`],
          ['Cookie', 'session=caller'],
          ['X-Forwarded-For', '203.0.113.9'],
          ['Forwarded', 'for=203.0.113.9'],
          ['Tokenvault-Retries', '0'],
          ['Connection', 'keep-alive, X-Private'],
          ['X-Private', 'hop'],
          ['X-Multi', 'a'],
          ['X-Multi', 'b'],
          ['Accept', 'application/vnd.github+json'],
        ].flat(),
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
      });
      req.once('error', reject);
      req.end();
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers.link).toBe('<http://provider/user/repos?page=2>; rel="next"');
    expect(answer.headers['tokenvault-attempts']).toBe('1');
    expect(answer.headers['x-request-id']).toMatch(/./);
    const seen = provider.seen.at(-1);
    expect(seen?.path).toBe('/user/repos');
    expect(seen?.query).toBe('?per_page=5');
    const sent = seen?.headers ?? {};
    expect(sent.authorization).toMatch(/^Bearer /);
    expect(sent.authorization).not.toContain(jwt);
    for (const name of ['cookie', 'x-forwarded-for', 'forwarded', 'tokenvault-retries', 'x-private']) {
      expect(sent[name], name).toBeUndefined();
    }
    expect(sent['x-multi']).toBe('a, b');
    expect(sent.accept).toBe('application/vnd.github+json');
  });

  // Both processes see a 401 for the same expired token at once: the provider's token endpoint is called once,
  // and both calls succeed on their retry with the new token.
  it('cures a 401 with exactly one refresh across two processes calling at once', async () => {
    const before = provider.refreshes;
    provider.expireTokens();
    const answers = await Promise.all(
      [...servers, ...servers].map((server) =>
        fetch(proxyUrl(server, '/user/repos'), { headers: { authorization: `Bearer ${jwt}` } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    // A call that reads the token after the refresh landed needs no retry; one that met the 401 needed one.
    const attempts = answers.map((a) => a.headers.get('tokenvault-attempts'));
    expect(attempts.every((n) => n === '1' || n === '2')).toBe(true);
    expect(attempts).toContain('2');
    expect(provider.refreshes).toBe(before + 1);
  });

  // Memory and disconnects do not depend on the store: once, on SQLite.
  if (storeKind === 'sqlite') {
    it('keeps memory flat while 100 MB stream each way', async () => {
      const server = servers[1] as ServerProcess;
      const peak = async () =>
        Number(/VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${server.pid}/status`, 'utf8'))?.[1]) * 1024;
      // Warm up the path (pools, JIT) with a small body each way, then note the high-water mark.
      await (
        await fetch(proxyUrl(server, '/download?bytes=1048576'), { headers: { authorization: `Bearer ${jwt}` } })
      ).arrayBuffer();
      const before = await peak();
      const download = await fetch(proxyUrl(server, `/download?bytes=${100 * MB}`), {
        headers: { authorization: `Bearer ${jwt}` },
      });
      let received = 0;
      for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
      expect(received).toBe(100 * MB);
      const upload = await fetch(proxyUrl(server, '/upload'), {
        method: 'POST',
        headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/octet-stream' },
        body: chunks(100 * MB),
        duplex: 'half',
      } as RequestInit);
      expect(upload.status).toBe(200);
      expect((await upload.json()).bodyBytes).toBe(100 * MB);
      // Buffering either body would raise the peak by 100 MB or more. Streaming leaves only chunks not yet
      // collected: about 50 MB here, the same for 300 MB as for 100 MB (the collector's threshold, not the body).
      expect((await peak()) - before).toBeLessThan(70 * MB);
    });

    // The caller hangs up in the middle of an endless answer: the vault hangs up on the provider too.
    it('aborts the provider call when the client disconnects', async () => {
      const url = new URL(proxyUrl(servers[0] as ServerProcess, '/endless'));
      // The answer must be the endless stream itself: a refusal also brings data, and nothing to abort.
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(url, { headers: { authorization: `Bearer ${jwt}` } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve(res.statusCode);
          });
        });
        req.on('error', () => {});
        req.once('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      const written = await provider.endlessClosed;
      expect(written).toBeGreaterThan(0);
    });
  }
});

/** `total` bytes in 64 KiB chunks, made as they are read. */
function chunks(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(117);
  let left = total;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      controller.enqueue(part);
    },
  });
}
