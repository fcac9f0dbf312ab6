import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMasterKey } from '../packages/cli/src/dev-mode.js';
import { openStore } from '../packages/cli/src/runtime.js';
import { repoRoot, runCli } from './support/cli-process.js';

const bin = fileURLToPath(new URL('../packages/cli/bin/tokenvault.js', import.meta.url));
const KEY = Buffer.alloc(32, 7).toString('base64');

// The CLI as scripts and operators meet it: the real binary, its exit codes (0 ok, 1 failure, 2 usage) and its
// messages, which name the mistake and the fix.
describe('tokenvault CLI for operators', () => {
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-operator-cli-'));
    config = join(dir, 'tokenvault.yaml');
    await writeFile(
      config,
      `database: sqlite:./vault.db\nmasterKey: ${KEY}\nenvironments:\n  production: {}\n  staging: {}\n`,
    );
    const migrated = await runCli(['migrate', '--config', config]);
    expect(migrated.code, migrated.stderr).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints its version', async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8'));
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(`tokenvault ${manifest.version}`);
  });

  it('explains one command with `help CMD` and with `CMD --help`, --config included', async () => {
    const viaHelp = await runCli(['help', 'clients', 'create']);
    const viaFlag = await runCli(['clients', 'create', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaFlag.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain('Usage: tokenvault clients create [--config FILE] --env ENV --name NAME');
    expect(viaHelp.stdout).toMatch(/--config FILE +the config file \(default: \$TOKENVAULT_CONFIG/);
    expect(viaHelp.stdout).toContain('Exit codes: 0 ok, 1 failure');
    const unknown = await runCli(['help', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no command 'frobnicate'");
  });

  it.each([
    [['migrate', '--confg', 'x.yaml'], 'unknown option --confg; did you mean --config?'],
    [['serve', '--port'], '--port needs a value'],
    [['migrate', '--verbose=yes'], '--verbose takes no value'],
    [['clients', 'lst', '--env', 'x'], "unknown command 'clients lst'; did you mean clients list?"],
    [['clients', 'list', '--env', 'x', '--port', '1'], "--port does not apply to 'clients list'"],
    [['providers', 'show'], 'usage: tokenvault providers show ID'],
    [['token', '--key', 'x', '--lifetime', '90000'], '--lifetime must be 1 to 86400 seconds'],
    [['token'], 'no access key: give --key-file FILE'],
  ])('answers %j in its own words, with exit 2', async (args, message) => {
    const { code, stderr, stdout } = await runCli(args, { TOKENVAULT_ACCESS_KEY: '' });
    expect(code).toBe(2);
    expect(stderr).toContain(`tokenvault: ${message}`);
    // Not node:util's parser text, and no usage screen flooding the terminal.
    expect(stderr).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS/);
    expect(stdout).toBe('');
  });

  // Regression: `clients list --env production` in an empty directory created ./.tokenvault with a new master key.
  it('refuses to create a dev vault from any command but serve', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tokenvault-empty-'));
    try {
      for (const args of [['clients', 'list', '--env', 'production'], ['migrate'], ['keys', 'rotate']]) {
        const { code, stderr } = await runCli(args, { TOKENVAULT_DEV_DIR: '', TOKENVAULT_CONFIG: '' }, { cwd: empty });
        expect(code, args.join(' ')).toBe(2);
        expect(stderr).toContain('no --config given (nor TOKENVAULT_CONFIG), and there is no dev vault');
        expect(stderr).toContain("run 'tokenvault serve' here first");
      }
      expect(await readdir(empty)).toEqual([]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('uses an existing dev vault, saying so on stderr, and only its development environment', async () => {
    const devDir = join(dir, 'dev');
    await mkdir(devDir);
    devMasterKey(devDir); // what `serve` creates the first time
    const store = await openStore(`sqlite:${join(devDir, 'vault.db')}`);
    await store.migrate();
    await store.close();
    const env = { TOKENVAULT_DEV_DIR: devDir, TOKENVAULT_CONFIG: '' };
    const created = await runCli(['clients', 'create', '--env', 'development', '--name', 'w', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain(`clients create: dev mode, using the dev vault in ${devDir}`);
    expect(JSON.parse(created.stdout)).toMatchObject({ clientId: expect.stringMatching(/^sc_/) });
    const wrongEnv = await runCli(['clients', 'list', '--env', 'production'], env);
    expect(wrongEnv.code).toBe(2);
    expect(wrongEnv.stderr).toContain("dev mode has no environment 'production'");
  });

  // Regression: `clients create --env prod` exited 0 against a config that defines only `production`.
  it('refuses an --env the config does not define, suggesting the one meant', async () => {
    const { code, stderr } = await runCli(['clients', 'create', '--config', config, '--env', 'prod', '--name', 'w']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `has no environment 'prod'; did you mean production? (its environments: production, staging)`,
    );
    const listed = await runCli(['clients', 'list', '--config', config, '--env', 'production', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual({ items: [] });
  });

  it('reads the config named by TOKENVAULT_CONFIG, and prints JSON a script can parse', async () => {
    const env = { TOKENVAULT_CONFIG: config };
    const created = await runCli(
      ['clients', 'create', '--env', 'staging', '--name', 'ci', '--role', 'admin', '--json'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toBe('');
    const body = JSON.parse(created.stdout);
    expect(body.grants).toMatchObject([{ role: 'admin', resource: '' }]);
    const listed = JSON.parse((await runCli(['clients', 'list', '--env', 'staging', '--json'], env)).stdout);
    expect(listed.items).toMatchObject([
      { id: body.clientId, name: 'ci', keys: [{ id: body.keyId, revokedAt: null }] },
    ]);
    const providers = JSON.parse((await runCli(['providers', 'list', '--json'])).stdout);
    expect(providers.items).toContainEqual(
      expect.objectContaining({ id: 'github', displayName: 'GitHub', type: 'oauth2' }),
    );
    const shown = JSON.parse((await runCli(['providers', 'show', 'oidc', '--json'])).stdout);
    expect(shown).toMatchObject({ id: 'oidc', type: 'oidc' });
    const rotated = JSON.parse((await runCli(['keys', 'rotate', '--json'], env)).stdout);
    expect(rotated).toEqual({ accounts: 0, rekeyed: 0 });
    const migrated = JSON.parse((await runCli(['migrate', '--json'], env)).stdout);
    expect(migrated).toEqual({ migrated: true });
  });

  it('reads the access key for `token` from a file, from stdin and from TOKENVAULT_ACCESS_KEY', async () => {
    const created = await runCli([
      'clients',
      'create',
      '--config',
      config,
      '--env',
      'staging',
      '--name',
      't',
      '--json',
    ]);
    const { accessKey, clientId } = JSON.parse(created.stdout);
    const keyFile = join(dir, 'access.key');
    await writeFile(keyFile, `${accessKey}\n`, { mode: 0o600 });
    const url = ['--url', 'https://vault.example.com'];
    const fromFile = await runCli(['token', '--key-file', keyFile, ...url]);
    const fromStdin = await runCli(['token', '--key-file', '-', ...url], {}, { input: `${accessKey}\n` });
    const fromEnv = await runCli(['token', ...url, '--json'], { TOKENVAULT_ACCESS_KEY: accessKey });
    for (const jwt of [fromFile.stdout.trim(), fromStdin.stdout.trim(), JSON.parse(fromEnv.stdout).token]) {
      expect(decodeJwt(jwt)).toMatchObject({ sub: clientId, iss: `https://vault.example.com/v1/clients/${clientId}` });
    }
    const emptyStdin = await runCli(['token', '--key-file', '-'], {}, { input: '' });
    expect(emptyStdin.code).toBe(1);
    expect(emptyStdin.stderr).toContain('stdin holds no access key');
  });

  it('lists the catalog as a table by category, one category with --category, and as JSON', async () => {
    const all = await runCli(['providers', 'list']);
    expect(all.code, all.stderr).toBe(0);
    const [header, ...rows] = all.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID +NAME +CATEGORY +REFRESH +API HOST$/);
    expect(all.stdout).toMatch(/^github +GitHub +dev-tools +no +api\.github\.com$/m);
    expect(all.stdout).toMatch(/^shopify +Shopify +e-commerce +rotating +\{shop\}\.myshopify\.com$/m);
    // Grouped: once a category's rows end (a blank line), it does not come back.
    const categories = rows.filter(Boolean).map((row) => row.split(/ {2,}/)[2]);
    expect(categories.filter((c, i) => c !== categories[i - 1])).toEqual([...new Set(categories)]);

    const devTools = await runCli(['providers', 'list', '--category', 'dev-tools', '--json']);
    expect(devTools.code, devTools.stderr).toBe(0);
    const { items } = JSON.parse(devTools.stdout);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item: { category: string }) => item.category === 'dev-tools')).toBe(true);
    expect(items).toContainEqual(
      expect.objectContaining({ id: 'github', displayName: 'GitHub', refresh: 'no', apiHost: 'api.github.com' }),
    );

    const typo = await runCli(['providers', 'list', '--category', 'devtools']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("tokenvault: unknown category 'devtools'; did you mean dev-tools?");
    expect(typo.stderr).toContain('(categories: crm, support, dev-tools,');
    expect(typo.stdout).toBe('');
  });

  it('shows how to set up a preset with the redirect URI to register, from the config or the dev default', async () => {
    const dev = await runCli(['providers', 'show', 'slack'], { TOKENVAULT_CONFIG: '', TOKENVAULT_PUBLIC_URL: '' });
    expect(dev.code, dev.stderr).toBe(0);
    expect(dev.stdout).toMatch(
      /^ {2}redirect URI: +http:\/\/127\.0\.0\.1:7007\/api\/auth\/slack\/handler\/frame \(the dev-mode default/m,
    );
    expect(dev.stdout).toMatch(/^ {2}docs: +https:\/\/docs\.slack\.dev\//m);
    expect(dev.stdout).toMatch(/^ {2}scopes: +users:read$/m);
    expect(dev.stdout).toMatch(/^ {2}quirks: +errors-200, nested-tokens \(authed_user\),/m);
    expect(dev.stdout).toContain('Setup:\n  Create an app at https://api.slack.com/apps');

    const withUrl = join(dir, 'public-url.yaml');
    await writeFile(
      withUrl,
      `publicUrl: https://vault.example.com/tv\ndatabase: sqlite:./vault.db\nmasterKey: ${KEY}\nenvironments: {}\n`,
    );
    const configured = await runCli(['providers', 'show', 'slack', '--config', withUrl, '--json']);
    expect(configured.code, configured.stderr).toBe(0);
    expect(JSON.parse(configured.stdout)).toMatchObject({
      id: 'slack',
      redirectUri: 'https://vault.example.com/tv/api/auth/slack/handler/frame',
      redirectUriFrom: `publicUrl of ${withUrl}`,
      quirks: expect.arrayContaining(['errors-200']),
    });

    const unknown = await runCli(['providers', 'show', 'slak']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown provider 'slak'; did you mean slack?");
  });

  // Regression: `providers list | head -1` and `clients create | head` died on an unhandled EPIPE. The reader goes
  // away before the first line (as `| true` does) or after reading the first chunk (as `| head -1` does).
  it.each([
    ['before', ['providers', 'list']],
    ['before', ['providers', 'show', 'github']],
    ['before', ['clients', 'create', '--env', 'staging', '--name', 'piped']],
    ['after', ['providers', 'list']],
    ['after', ['providers', 'show', 'github']],
    ['after', ['help']],
  ])('ends normally when the reader goes away %s the first chunk of %j', async (when, args) => {
    const env = { ...process.env, TOKENVAULT_CONFIG: config };
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env });
    let stdout = '';
    if (when === 'before') child.stdout.destroy();
    else {
      child.stdout.once('data', (chunk) => {
        stdout += chunk;
        child.stdout.destroy();
      });
    }
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
    if (when === 'after') expect(stdout.length).toBeGreaterThan(0);
  });

  it('checks a whole config file once, naming every problem with its path and the key meant', async () => {
    const bad = join(dir, 'typos.yaml');
    await writeFile(
      bad,
      [
        'publicUrl: vault.example.com',
        'database: sqlite:./vault.db',
        `masterKey: ${KEY}`,
        'refreshAhed: true',
        'environments:',
        '  production:',
        '    providers:',
        '      github: { preset: github, clientId: x, clientSecert: y }',
        '      corp: { preset: odic, clientId: x }',
        '      legacy: { type: oauth2, clientId: x, authorizeUri: https://l.example.com/a, acount: {} }',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['migrate', '--config', bad],
      ['providers', 'validate', bad],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code, args[0]).toBe(1);
      if (args[0] === 'migrate') {
        expect(stderr).toContain('publicUrl: must be an http:// or https:// URL');
        expect(stderr).toContain('refreshAhed: unknown key; did you mean refreshAhead?');
        continue;
      }
      for (const line of [
        'publicUrl: must be an http:// or https:// URL, such as https://vault.example.com',
        'refreshAhed: unknown key; did you mean refreshAhead?',
        'environments.production.providers.github.clientSecert: unknown key; did you mean clientSecret?',
        "environments.production.providers.corp.preset: unknown preset 'odic'; did you mean oidc?",
        'environments.production.providers.legacy.acount: unknown key; did you mean account?',
        'environments.production.providers.legacy.tokenUri: required',
      ]) {
        expect(stderr).toContain(`  ${line}`);
      }
    }
  });

  it('validates each provider of a config file with its discovery, and says which failed', async () => {
    const { startDemoProvider } = await import('@tokenvault/demo');
    const demo = await startDemoProvider({ clients: [] });
    // RFC 6761: .invalid never resolves, so discovery fails with a network error at once.
    const gone = 'https://tokenvault-test.invalid';
    try {
      const file = join(dir, 'discovery.yaml');
      await writeFile(
        file,
        [
          'publicUrl: https://vault.example.com',
          'database: sqlite:./vault.db',
          `masterKey: ${KEY}`,
          'environments:',
          '  production:',
          '    providers:',
          `      good: { preset: oidc, issuer: ${demo.issuer}, clientId: x }`,
          `      gone: { preset: oidc, issuer: ${gone}, clientId: x }`,
          '',
        ].join('\n'),
      );
      const { code, stdout } = await runCli(['providers', 'validate', file]);
      expect(code).toBe(1);
      expect(stdout).toContain(`environments.production.providers.good: ok (discovery at ${demo.issuer} answered)`);
      expect(stdout).toContain(
        `environments.production.providers.gone: discovery at ${gone} failed: provider unreachable during discovery (provider gone, ${gone}/): fetch failed: getaddrinfo ENOTFOUND`,
      );
      const json = JSON.parse((await runCli(['providers', 'validate', file, '--json'])).stdout);
      expect(json.items).toContainEqual({
        env: 'production',
        provider: 'good',
        issuer: demo.issuer,
        redirectUri: 'https://vault.example.com/api/auth/good/handler/frame',
      });
    } finally {
      await demo.close();
    }
  });
});
