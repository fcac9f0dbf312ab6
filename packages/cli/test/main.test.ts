import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { generateAccessKey } from '../../core/src/clients/access-keys.js';
import { devMasterKey } from '../src/dev-mode.js';
import { main } from '../src/main.js';
import { openStore } from '../src/runtime.js';

let dir: string;
let previousDevDir: string | undefined;
let stderr: MockInstance<typeof console.error>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenvault-cli-'));
  previousDevDir = process.env.TOKENVAULT_DEV_DIR;
  process.env.TOKENVAULT_DEV_DIR = dir;
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  stderr.mockRestore();
  if (previousDevDir === undefined) delete process.env.TOKENVAULT_DEV_DIR;
  else process.env.TOKENVAULT_DEV_DIR = previousDevDir;
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI and returns its exit code, printed lines and stderr text. */
async function run(...argv: string[]) {
  const printed: string[] = [];
  stderr.mockClear();
  const code = await main(argv, (line) => printed.push(line));
  return { code, out: printed.join('\n'), err: stderr.mock.calls.map((call) => call.join(' ')).join('\n') };
}

/** The value after `label:` on the printed line that starts with it. */
const field = (out: string, label: string) => out.match(new RegExp(`^${label}:\\s+(\\S+)`, 'm'))?.[1] as string;

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString());

describe('main: usage', () => {
  it('prints usage and exits 2 without a command', async () => {
    // A bare `tokenvault` is a usage mistake, answered with the usage text.
    const { code, out } = await run();
    expect(code).toBe(2);
    expect(out).toContain('Usage: tokenvault');
  });

  it('prints usage and exits 0 for --help', async () => {
    // Asking for help is not a mistake.
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: tokenvault');
  });

  it.each([
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['an unknown flag', ['migrate', '--bogus'], '--bogus'],
    ['token without a key', ['token'], 'no access key'],
    ['a non-numeric --lifetime', ['token', '--key', 'k', '--lifetime', 'soon'], '--lifetime'],
  ])('exits 2 for %s', async (_, argv, message) => {
    // Usage mistakes exit 2 (not 1) and say what was wrong, before doing any work.
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(existsSync(join(dir, 'vault.db'))).toBe(false);
  });
});

describe('main: token', () => {
  it('reports a bad key in one line, without a stack trace', async () => {
    // Operational failures exit 1 with a single "tokenvault: …" line on stderr.
    const { code, err } = await run('token', '--key', 'garbage');
    expect(code).toBe(1);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(err).toMatch(/^tokenvault: .*four parts/);
    expect(err).not.toContain('\n');
    expect(err).not.toMatch(/^\s+at /m);
  });

  it('adds the stack trace with --verbose', async () => {
    // --verbose is how an operator gets the stack.
    const { code, err } = await run('token', '--key', 'garbage', '--verbose');
    expect(code).toBe(1);
    expect(err).toMatch(/^\s+at /m);
  });

  it('prints a JWT for the key', async () => {
    // The printed token is a JWT whose subject is the key's client, issued for --url, living --lifetime seconds.
    const { accessKey } = await generateAccessKey('sc_abc', 'development');
    const { code, out } = await run('token', '--key', accessKey, '--url', 'http://127.0.0.1:7007', '--lifetime', '60');
    expect(code).toBe(0);
    expect(out.split('.')).toHaveLength(3);
    const payload = payloadOf(out);
    expect(payload.sub).toBe('sc_abc');
    expect(payload.iss).toBe('http://127.0.0.1:7007/v1/clients/sc_abc');
    expect(payload.exp - payload.iat).toBe(60);
  });
});

/** What the first `tokenvault serve` in dev mode leaves behind: a master key and a migrated database. */
async function createDevVault() {
  devMasterKey(dir);
  const store = await openStore(`sqlite:${join(dir, 'vault.db')}`);
  await store.migrate();
  await store.close();
}

describe('main: clients (dev mode)', () => {
  beforeEach(createDevVault);

  it('creates, lists, adds a key to and revokes a key of a client', async () => {
    // The client commands work end to end against the dev SQLite database, and revoke hits only the named key.
    const created = await run('clients', 'create', '--env', 'development', '--name', 'w', '--role', 'admin');
    expect(created.code, created.err).toBe(0);
    const clientId = field(created.out, 'client');
    const firstKey = field(created.out, 'access key');
    expect(clientId).toMatch(/^sc_/);
    expect(firstKey.split('.')).toHaveLength(4);
    expect(firstKey.startsWith(`${clientId}.`)).toBe(true);
    expect(created.out).toContain('grants:     admin (whole environment)');

    const listed = await run('clients', 'list', '--env', 'development');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(new RegExp(`^${clientId}  w  created `, 'm'));
    expect(listed.out).toContain('  grants: admin (whole environment)');
    expect(listed.out).toMatch(new RegExp(`^  key ${firstKey.split('.')[1]}  active  never used$`, 'm'));

    const added = await run('clients', 'keys', 'add', '--env', 'development', '--client', clientId);
    expect(added.code).toBe(0);
    const keyId = field(added.out, 'key');
    expect(field(added.out, 'access key').split('.')[1]).toBe(keyId);

    const revoked = await run(
      'clients',
      'keys',
      'revoke',
      '--env',
      'development',
      '--client',
      clientId,
      '--key',
      keyId,
    );
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(`key ${keyId} of ${clientId} revoked`);

    const store = createSqliteStore({ filename: join(dir, 'vault.db') });
    try {
      expect((await store.getClientKey(clientId, keyId))?.revokedAt).not.toBeNull();
      expect((await store.getClientKey(clientId, firstKey.split('.')[1] as string))?.revokedAt).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('pairs each --resource with the --role before it, and grants and revokes one grant at a time', async () => {
    // `--role a --resource p --role b` is a on p and b on the whole environment, in any number.
    const created = await run(
      ...['clients', 'create', '--env', 'development', '--name', 'reader'],
      ...['--role', 'credentials-reader', '--resource', 'Connections/github/Users/*/Credentials'],
      ...['--role', 'connections-manager', '--expires-in-days', '30'],
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain(
      'grants:     credentials-reader on connections/github/users/*/credentials, connections-manager (whole environment)',
    );
    expect(created.out).toMatch(/^key: {8}\S+, expires \d{4}-/m);
    const clientId = field(created.out, 'client');

    const granted = await run(
      ...['clients', 'grant', '--env', 'development', '--client', clientId],
      ...['--role', 'UserCredentialsViewer', '--resource', 'connections/gitlab'],
    );
    expect(granted.code).toBe(0);
    expect(granted.out).toBe(`granted credentials-reader on connections/gitlab to ${clientId}`);
    const boxed = await run(
      ...['clients', 'grant', '--env', 'development', '--client', clientId],
      ...['--role', 'api-reader', '--resource', 'connections/gitlab', '--expires-in', '1h'],
    );
    expect(boxed.code).toBe(0);
    expect(boxed.out).toMatch(/^granted api-reader on connections\/gitlab \(expires in 59m, 20\d\d-/);
    // The list shows what a time-boxed grant has left.
    const listed = await run('clients', 'list', '--env', 'development');
    expect(listed.out).toMatch(/api-reader on connections\/gitlab \(expires in 59m, /);
    const revokedBoxed = await run(
      ...['clients', 'revoke-grant', '--env', 'development', '--client', clientId],
      ...['--role', 'api-reader', '--resource', 'connections/gitlab'],
    );
    expect(revokedBoxed.code).toBe(0);
    const revoked = await run(
      ...['clients', 'revoke-grant', '--env', 'development', '--client', clientId],
      ...['--role', 'connections-manager'],
    );
    expect(revoked.code).toBe(0);
    const again = await run(
      ...['clients', 'revoke-grant', '--env', 'development', '--client', clientId],
      ...['--role', 'connections-manager'],
    );
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/has no grant connections-manager/);

    const store = createSqliteStore({ filename: join(dir, 'vault.db') });
    try {
      expect((await store.getGrants(clientId)).map((g) => `${g.role} ${g.resource}`)).toEqual([
        'credentials-reader connections/github/users/*/credentials',
        'credentials-reader connections/gitlab',
      ]);
      // Every change is in the audit log, by the CLI operator.
      const logged = await store.listAudit('development', { limit: 50, principal: 'cli' });
      const actions = logged.filter((r) => r.detail?.includes(clientId)).map((r) => r.action);
      expect(actions.sort()).toEqual([
        'client.created',
        'grant.added',
        'grant.added',
        'grant.revoked',
        'grant.revoked',
        'key.added',
      ]);
    } finally {
      await store.close();
    }
  });

  it.each([
    ['a --resource before any --role', ['clients', 'create', '--env', 'd', '--name', 'w', '--resource', 'audit']],
    [
      'two --resource for one --role',
      [
        'clients',
        'create',
        '--env',
        'd',
        '--name',
        'w',
        '--role',
        'admin',
        '--resource',
        'audit',
        '--resource',
        'clients',
      ],
    ],
    ['grant without a role', ['clients', 'grant', '--env', 'd', '--client', 'sc_x']],
    ['a non-numeric expiry', ['clients', 'keys', 'add', '--env', 'd', '--client', 'sc_x', '--expires-in-days', 'soon']],
    [
      'a grant expiry without a unit',
      ['clients', 'grant', '--env', 'd', '--client', 'sc_x', '--role', 'admin', '--expires-in', '60'],
    ],
    ['a key with a grant expiry', ['clients', 'keys', 'add', '--env', 'd', '--client', 'sc_x', '--expires-in', '1h']],
  ])('refuses %s as a usage error', async (_, argv) => {
    // Usage mistakes exit 2 before anything is opened or written.
    const { code } = await run(...argv);
    expect(code).toBe(2);
  });

  it('says so when an environment has no clients', async () => {
    // An empty list is reported, not printed as nothing.
    const { code, out } = await run('clients', 'list', '--env', 'development');
    expect(code).toBe(0);
    expect(out).toBe('no service clients in environment development');
  });

  it.each([
    [
      'an unknown role',
      ['--env', 'development', '--role', 'nope'],
      /unknown role 'nope'; known roles: credentials-reader, connections-manager, api-reader, api-caller, agent, admin/,
    ],
    [
      'a resource pattern with a path trick',
      ['--env', 'development', '--role', 'admin', '--resource', 'connections/../clients'],
      /empty, "\." and "\.\." segments are refused/,
    ],
    [
      'a resource of no known kind',
      ['--env', 'development', '--role', 'admin', '--resource', 'conections/github'],
      /it must start with one of connections, clients, audit, webhooks/,
    ],
  ])('refuses %s with exit 1', async (_, flags, message) => {
    // Invalid input to create is a one-line failure naming the problem.
    const { code, err } = await run('clients', 'create', '--name', 'w', ...flags);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });

  it('refuses an environment dev mode does not have, as a usage error', async () => {
    // Dev mode has one environment; a client created in another could never be used.
    const { code, err } = await run('clients', 'create', '--name', 'w', '--env', 'dev.eu');
    expect(code).toBe(2);
    expect(err).toContain("dev mode has no environment 'dev.eu'");
  });

  it('fails with exit 1 revoking a key that does not exist', async () => {
    // Revoking an unknown key is an error, not a silent success.
    const { code, err } = await run(
      'clients',
      'keys',
      'revoke',
      '--env',
      'development',
      '--client',
      'sc_x',
      '--key',
      'k',
    );
    expect(code).toBe(1);
    expect(err).toContain("no key 'k'");
  });
});

describe('main: migrate', () => {
  it('applies migrations to an existing dev database', async () => {
    // `migrate` without --config works on the dev vault under TOKENVAULT_DEV_DIR that serve created.
    await createDevVault();
    const { code, out } = await run('migrate');
    expect(code).toBe(0);
    expect(out).toBe('migrations applied');
  });

  it('does not create a dev vault', async () => {
    // Only serve creates one: elsewhere a missing config would silently start an empty vault.
    const { code, err } = await run('migrate');
    expect(code).toBe(2);
    expect(err).toContain('there is no dev vault');
    expect(existsSync(join(dir, 'vault.db'))).toBe(false);
  });
});

describe('main: providers', () => {
  it('lists the presets and shows one with its docs and setup note', async () => {
    // The catalog is browsable from the CLI, a table row per preset.
    const listed = await run('providers', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^oidc +oidc +identity +yes +-$/m);
    const shown = await run('providers', 'show', 'oidc');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^ {2}docs: +https:\/\/openid\.net\//m);
    const asJson = await run('providers', 'show', 'oidc', '--json');
    expect(JSON.parse(asJson.out)).toMatchObject({ id: 'oidc', type: 'oidc' });
    const unknown = await run('providers', 'show', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown provider 'nope'/);
  });

  it('validates a provider file, naming every problem', async () => {
    // A preset with overrides validates; a custom spec with a field the engine does not know does not.
    const good = join(dir, 'good.yaml');
    await writeFile(good, 'preset: oidc\nid: corp\nissuer: https://login.example.com\nclientId: x\n');
    const valid = await run('providers', 'validate', good);
    expect(valid.code).toBe(0);
    expect(valid.out).toBe(`${good}: valid oidc provider 'corp'`);
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'type: oauth2\nid: shop\nauthorizeUri: http://shop.example.com/authorize\nmagic: true\n');
    const invalid = await run('providers', 'validate', bad);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/authorizeUri: must be an https/);
    expect(invalid.err).toMatch(/magic/);
  });
});
