import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

const HTTPS = 'https://vault.test';
const XHR = { 'x-requested-with': 'XMLHttpRequest', origin: APP_ORIGIN };

/** The lower-cased attributes of the Set-Cookie header this jar received for `name`. */
function attributesOf(jar: CookieJar, name: string, cleared = false): string[] {
  const header = jar.received.filter((h) => h.startsWith(`${name}=`) && /max-age=0/i.test(h) === cleared).at(-1);
  if (!header) throw new Error(`no Set-Cookie for ${name} in:\n${jar.received.join('\n')}`);
  return header
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

// Over https the vault's own session cookie carries a prefix the browser enforces, so neither a sibling subdomain
// nor a plain-http page can plant or shadow it: `__Host-` at the root (Secure, Path=/, no Domain), `__Secure-`
// under a path prefix. Backstage's cookies keep the names its client and backend use.
describe('the session cookie over https', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ publicUrl: HTTPS });
  });
  afterAll(() => vault?.close());

  const me = (cookie: string) => vault.request(`${HTTPS}/v1/me/connected-accounts`, { headers: { cookie, ...XHR } });

  it('is __Host-tokenvault_session: Secure, Path=/, no Domain; the Backstage cookies keep their names', async () => {
    const jar = vault.newJar();
    await vault.connect(jar, 'hana');
    const session = attributesOf(jar, '__Host-tokenvault_session');
    expect(session).toEqual(expect.arrayContaining(['path=/', 'secure', 'httponly', 'samesite=lax']));
    expect(session.some((a) => a.startsWith('domain='))).toBe(false);
    expect(jar.received.some((h) => h.startsWith('tokenvault_session='))).toBe(false);
    expect(attributesOf(jar, 'demo-refresh-token')).toEqual(expect.arrayContaining(['path=/api/auth/demo', 'secure']));
    expect(attributesOf(jar, 'demo-nonce')).toEqual(expect.arrayContaining(['path=/api/auth/demo/handler', 'secure']));
    const document = await (await vault.request(`${HTTPS}/openapi.json`)).json();
    expect(document.components.securitySchemes.session.name).toBe('__Host-tokenvault_session');
  });

  it('is the cookie /v1/me reads; the same handle under the unprefixed name is not honoured', async () => {
    const jar = vault.newJar();
    await vault.connect(jar, 'ida');
    const handle = jar.get('__Host-tokenvault_session') as string;
    const signedIn = await me(`__Host-tokenvault_session=${handle}`);
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).items).toHaveLength(1);
    expect((await me(`tokenvault_session=${handle}`)).status).toBe(401);
  });

  it('is cleared under the same name on logout, and the session ends', async () => {
    const jar = vault.newJar();
    await vault.connect(jar, 'jun');
    const handle = jar.get('__Host-tokenvault_session') as string;
    const out = await jar.fetch(`${HTTPS}/api/auth/demo/logout?env=development`, { method: 'POST', headers: XHR });
    expect(out.status).toBe(200);
    expect(attributesOf(jar, '__Host-tokenvault_session', true)).toEqual(expect.arrayContaining(['path=/', 'secure']));
    expect((await me(`__Host-tokenvault_session=${handle}`)).status).toBe(401);
  });
});

describe('the session cookie over https under a path prefix', () => {
  const PREFIXED = `${HTTPS}/vault`;
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ publicUrl: PREFIXED });
  });
  afterAll(() => vault?.close());

  it('is __Secure-tokenvault_session scoped to the prefix (__Host- would need Path=/, every app on the host)', async () => {
    // As the proxy in front does: the browser sees /vault/…, the vault serves the routes at the root.
    const jar = new CookieJar((url, init) => vault.request(url.replace(`${PREFIXED}/`, `${HTTPS}/`), init));
    await vault.connect(jar, 'kai');
    expect(attributesOf(jar, '__Secure-tokenvault_session')).toEqual(
      expect.arrayContaining(['path=/vault/', 'secure', 'httponly']),
    );
    const accounts = await jar.fetch(`${PREFIXED}/v1/me/connected-accounts`, { headers: XHR });
    expect(accounts.status).toBe(200);
    expect((await accounts.json()).items).toHaveLength(1);
  });
});
