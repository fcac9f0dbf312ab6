import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoProvider, loginWithoutBrowser, startDemoProvider } from '@tokenvault/demo';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessKey, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { readPopupPage } from './support/popup-page.js';

const APP_ORIGIN = 'http://127.0.0.1:3999';
const PREFIX = '/vault';

/** A reverse proxy that serves the vault under PREFIX and strips it, as docs/configuration.md describes. */
async function startStrippingProxy(target: () => number): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    if (!req.url?.startsWith(`${PREFIX}/`)) {
      res.writeHead(404).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target(),
        method: req.method,
        path: req.url.slice(PREFIX.length),
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode as number, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as { port: number }).port, server };
}

// A publicUrl with a path (https://example.com/vault) behind a proxy that strips it: redirect URIs, cookie paths,
// the service JWT's audience and the OpenAPI servers all carry the prefix, and the whole journey works through it.
describe('a publicUrl with a path prefix, behind a stripping proxy', () => {
  let demo: DemoProvider;
  let proxy: { port: number; server: Server };
  let vault: ServerProcess;
  let dir: string;
  let publicUrl: string;
  let accessKey: string;

  beforeAll(async () => {
    // The vault takes a port of its own once it starts; the proxy learns it then.
    let vaultPort = 0;
    proxy = await startStrippingProxy(() => vaultPort);
    publicUrl = `http://127.0.0.1:${proxy.port}${PREFIX}`;
    demo = await startDemoProvider({
      clients: [
        { clientId: 'vault', clientSecret: 'corp-secret', redirectUris: [`${publicUrl}/api/auth/corp/handler/frame`] },
      ],
    });
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-prefix-'));
    const config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `publicUrl: ${publicUrl}
database: sqlite:./vault.db
masterKey: ${Buffer.alloc(32, 4).toString('base64')}
appOrigins: [${APP_ORIGIN}]
environments:
  development:
    providers:
      corp:
        preset: oidc
        issuer: ${demo.issuer}
        clientId: vault
        clientSecret: corp-secret
        scopes: [openid, email, offline_access]
`,
    );
    accessKey = await createAccessKey(config, ['--name', 'job', '--role', 'admin']);
    vault = await startServer(['--config', config, '--port', '0']);
    vaultPort = Number(new URL(vault.url).port);
  });
  afterAll(async () => {
    await vault?.stop();
    proxy?.server.close();
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('connects, refreshes in the browser and reads the token from a backend, all through the prefix', async () => {
    const jar = new CookieJar();
    const start = await jar.fetch(
      `${publicUrl}/api/auth/corp/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') as string);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${publicUrl}/api/auth/corp/handler/frame`);
    expect(jar.received.find((c) => c.startsWith('corp-nonce='))).toMatch(/Path=\/vault\/api\/auth\/corp\/handler/);

    const callback = await loginWithoutBrowser(authorize.href, { login: 'pat' });
    expect(callback.startsWith(`${publicUrl}/api/auth/corp/handler/frame?`)).toBe(true);
    const frame = await jar.fetch(callback);
    expect(frame.status).toBe(200);
    const { message } = readPopupPage(await frame.text());
    expect(message.response.providerInfo.accessToken).toEqual(expect.any(String));
    expect(jar.received.find((c) => c.startsWith('corp-refresh-token='))).toMatch(/Path=\/vault\/api\/auth\/corp;/);
    expect(jar.received.find((c) => c.startsWith('tokenvault_session='))).toMatch(/Path=\/vault\/;/);

    // The browser sends its handle back only because its path matches what the browser sees.
    const refreshed = await jar.fetch(`${publicUrl}/api/auth/corp/refresh?env=development`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(refreshed.status).toBe(200);
    expect((await refreshed.json()).providerInfo.accessToken).toEqual(expect.any(String));

    // A backend's JWT names the public URL, prefix included, as its audience.
    const jwt = await signServiceToken(parseAccessKey(accessKey), { baseUrl: publicUrl });
    const read = await fetch(`${publicUrl}/v1/connections/corp/users/${encodeURIComponent('corp:pat')}/credentials`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    expect(read.status).toBe(200);
    expect((await read.json()).accessToken).toEqual(expect.any(String));

    const document = await (await fetch(`${publicUrl}/openapi.json`)).json();
    expect(document.servers).toEqual([{ url: publicUrl }]);
  });
});
