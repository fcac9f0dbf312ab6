import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loginWithoutBrowser } from '@tokenvault/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type ServerProcess, startServer } from './support/cli-process.js';
import { CookieJar } from './support/cookie-jar.js';
import { type FrontDoor, openFrontDoor } from './support/front-door.js';
import { readPopupPage } from './support/popup-page.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/tokenvault.js', import.meta.url));
const APP_ORIGIN = 'http://127.0.0.1:3999';

// Regression: the demo provider worked only in dev mode (a config got invalid_redirect_uri, and its client secret
// was undocumented). `tokenvault demo-provider` runs it alone, accepting any loopback redirect URI, so an operator
// can try their own tokenvault.yaml end to end with the client id and secret it prints.
describe('tokenvault demo-provider', () => {
  let provider: ChildProcess;
  let output = '';
  let issuer: string;
  let door: FrontDoor;
  let vault: ServerProcess;
  let dir: string;

  beforeAll(async () => {
    provider = spawn(process.execPath, [bin, 'demo-provider', '--port', '0'], { cwd: repoRoot });
    issuer = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        const match = /listening on (\S+)/.exec(output);
        if (match?.[1] && /clientSecret: \S+/.test(output)) resolve(match[1]);
      };
      provider.stdout?.on('data', onData);
      provider.stderr?.on('data', onData);
      provider.once('exit', (code) => reject(new Error(`demo-provider exited with ${code}:\n${output}`)));
    });
    const clientId = /clientId: (\S+)/.exec(output)?.[1];
    const clientSecret = /clientSecret: (\S+)/.exec(output)?.[1];
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-demo-command-'));
    door = await openFrontDoor();
    const config = join(dir, 'tokenvault.yaml');
    // An operator's own config: its own provider id and public URL, none of which the provider was told about.
    await writeFile(
      config,
      [
        `publicUrl: ${door.url}`,
        'database: sqlite:./vault.db',
        `masterKey: ${Buffer.alloc(32, 5).toString('base64')}`,
        `appOrigins: [${APP_ORIGIN}]`,
        'environments:',
        '  production:',
        '    providers:',
        `      my-sso: { preset: oidc, issuer: ${issuer}, clientId: ${clientId}, clientSecret: ${clientSecret} }`,
        '',
      ].join('\n'),
    );
    vault = await startServer(['--config', config], {}, door);
  });
  afterAll(async () => {
    await vault?.stop();
    await door?.close();
    if (provider && provider.exitCode === null) {
      const exited = once(provider, 'exit');
      provider.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints what a config needs, and no warning about the Node version', () => {
    expect(output).toContain('  in tokenvault.yaml:');
    expect(output).toContain(`    issuer: ${issuer}`);
    expect(output).toContain('    clientId: tokenvault-demo');
    expect(output).toContain('    clientSecret: tokenvault-demo-secret');
    expect(output).not.toContain('Unsupported runtime');
  });

  it('connects an account through a vault run from a config file', async () => {
    const jar = new CookieJar();
    const query = new URLSearchParams({ scope: '', origin: APP_ORIGIN, flow: 'popup', env: 'production' });
    const start = await jar.fetch(`${door.url}/api/auth/my-sso/start?${query}`);
    expect(start.status).toBe(302);
    const callback = await loginWithoutBrowser(start.headers.get('location') as string, { login: 'operator' });
    expect(callback.startsWith(`${door.url}/api/auth/my-sso/handler/frame?`)).toBe(true);
    const frame = await jar.fetch(callback);
    const { message } = readPopupPage(await frame.text());
    expect(message.type).toBe('authorization_response');
    expect(message.error).toBeUndefined();
    expect(message.response.providerInfo.accessToken).toBeTruthy();
  });

  it('still refuses a redirect URI that is not on a loopback host', async () => {
    const jar = new CookieJar();
    const query = new URLSearchParams({ scope: '', origin: APP_ORIGIN, flow: 'popup', env: 'production' });
    const start = await jar.fetch(`${door.url}/api/auth/my-sso/start?${query}`);
    const authorize = new URL(start.headers.get('location') as string);
    authorize.searchParams.set('redirect_uri', 'https://attacker.example/api/auth/my-sso/handler/frame');
    const answer = await fetch(authorize, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('redirect_uri');
  });
});
