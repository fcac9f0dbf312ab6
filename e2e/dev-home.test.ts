import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const run = promisify(execFile);

// The dev home page's curl line is pasted into a shell: nothing a provider returns may escape its quoting.
describe('dev home page', () => {
  let vault: InProcessVault;
  const marker = join(tmpdir(), `tokenvault-injected-${process.pid}`);
  beforeAll(async () => {
    vault = await startInProcessVault({ devHome: { env: 'development', bearerCommand: 'TOKEN' } });
  });
  afterAll(async () => {
    await vault.close();
    await rm(marker, { force: true });
  });

  it('quotes a hostile account id so the curl line stays one URL (regression)', async () => {
    const login = `o'brien$(touch ${marker})'`;
    const jar = vault.newJar();
    await vault.connect(jar, login);
    const html = await (await jar.fetch(`${VAULT_URL}/`)).text();
    expect(html).toContain('Signed in as');
    const pre = /<pre>([^<]*)<\/pre>/.exec(html)?.[1] ?? '';
    const line = pre.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    expect(line.startsWith('curl ')).toBe(true);
    // Let bash parse the line as the user's shell would, printing each argument instead of running curl.
    const { stdout } = await run('bash', ['-c', `printf '%s\\n' ${line.slice('curl '.length)}`]);
    const args = stdout.trim().split('\n');
    const [account] = await vault.vault.listAccounts('development', `demo:${login}`, OPERATOR);
    expect(args).toContain(
      `${VAULT_URL}/v1/users/${encodeURIComponent(`demo:${login}`).replace(/'/g, '%27')}/connected-accounts/${account?.id}/access-token`,
    );
    expect(existsSync(marker)).toBe(false);
  });

  it("opens the hosted connect page for the home page's own form only", async () => {
    const post = (headers: Record<string, string>) =>
      vault.request(`${VAULT_URL}/dev/connect`, { method: 'POST', headers });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const opened = await post({ 'sec-fetch-site': 'same-origin' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toMatch(new RegExp(`^${VAULT_URL}/connect#session=[\\w-]{43}$`));
  });
});
