// An app with its own login, using Tokenvault for its users' connected accounts: its backend (this file) mints
// connect sessions with @tokenvault/sdk-node; its page (page.tsx) links accounts and reads tokens with
// @tokenvault/react. Run: VAULT_URL=… VAULT_ACCESS_KEY=<a key with connections-manager and credentials-reader, so
// the browsers it binds may read tokens too> node --import tsx app.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createVaultClient } from '@tokenvault/sdk-node';
import { build } from 'esbuild';

const vaultUrl = process.env.VAULT_URL ?? 'http://127.0.0.1:7007';
const port = Number(process.env.PORT ?? 3000);
const vault = createVaultClient({ baseUrl: vaultUrl, accessKey: process.env.VAULT_ACCESS_KEY });

// A real app bundles its page at build time; this one does it at start, to stay one command.
const { outputFiles } = await build({
  entryPoints: [fileURLToPath(new URL('./page.tsx', import.meta.url))],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
});
const bundle = outputFiles[0]?.text ?? '';

/** Stands in for the app's real login (Auth0, Clerk, its own…): the user is whoever the cookie names. */
function appUser(cookie: string | undefined): string | undefined {
  const value = /(?:^|;\s*)app_user=([^;]+)/.exec(cookie ?? '')?.[1];
  return value && decodeURIComponent(value);
}

const html = (
  body: string,
) => `<!doctype html><html><head><meta charset="utf-8"><title>Connected accounts</title></head>
<body>${body}</body></html>`;

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  const user = appUser(request.headers.cookie);
  if (url.pathname === '/login') {
    const name = url.searchParams.get('user') ?? '';
    if (!/^[\w.@|-]{1,64}$/.test(name)) return void response.writeHead(400).end('a user name, please');
    response.writeHead(302, {
      'set-cookie': `app_user=${encodeURIComponent(name)}; Path=/; HttpOnly; SameSite=Lax`,
      location: '/',
    });
    return void response.end();
  }
  if (url.pathname === '/bundle.js') {
    return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  }
  if (url.pathname === '/api/connect-session' && request.method === 'POST') {
    if (!user) return void response.writeHead(401).end();
    // The token binds the user's browser to this user at the vault: the accounts it links are theirs.
    const { token } = await vault.user(user).createConnectSession({ expiresInSeconds: 300 });
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    return void response.end(JSON.stringify({ token }));
  }
  if (!user) {
    const form =
      '<form action="/login"><input name="user" placeholder="your user name"> <button>Log in</button></form>';
    return void response.writeHead(200, { 'content-type': 'text/html' }).end(html(form));
  }
  const globals = `window.VAULT_URL = ${JSON.stringify(vaultUrl)}; window.APP_USER = ${JSON.stringify(user)};`;
  const page = `<div id="root"></div><script>${globals}</script><script type="module" src="/bundle.js"></script>`;
  response.writeHead(200, { 'content-type': 'text/html' }).end(html(page));
});

// PORT=0 takes any free port; the line says which.
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  console.log(`example app listening on http://127.0.0.1:${bound}`);
});
