import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../src/cli-error.js';
import { loadConfig, publicUrlFromEnv } from '../src/config.js';

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const MINIMAL = `
database: sqlite:./x.db
masterKey: ${MASTER_KEY}
environments:
  production:
    providers:
      acme:
        preset: oidc
        issuer: https://id.example.com
        clientId: acme-client
`;

/** `${NAME}` as written in the YAML file. */
const ref = (name: string) => `\${${name}}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tokenvault-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(text: string, name = 'tokenvault.yaml'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Loads and returns the CliError it must throw. */
function failure(file: string, env: NodeJS.ProcessEnv = {}): CliError {
  try {
    loadConfig(file, env);
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error('expected a CliError, but the config loaded');
}

describe('loadConfig', () => {
  it('loads a minimal file with defaults, resolving the SQLite path from the file', async () => {
    // Relative paths are relative to the config file, not to wherever the command runs.
    await mkdir(join(dir, 'conf'));
    const config = loadConfig(await write(MINIMAL, 'conf/tokenvault.yaml'), {});
    expect(config.database).toBe(`sqlite:${join(dir, 'conf', 'x.db')}`);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 7007, masterKey: MASTER_KEY, appOrigins: [] });
    expect(config.environments.production?.providers.acme).toEqual({
      preset: 'oidc',
      issuer: 'https://id.example.com',
      clientId: 'acme-client',
    });
    expect(config.environments.production?.webhooks).toEqual([]);
    expect(config).toMatchObject({ refreshAhead: true, providerTimeoutSeconds: 10, auditRetentionDays: 365 });
    expect(config.rateLimit).toEqual({ requestsPerMinute: 300, trustProxy: false });
  });

  it('reads an environment’s trusted issuers, keeping the issuer exactly as written', async () => {
    // Issuers are compared with a token's iss exactly, so a trailing slash (Auth0's) must survive.
    const text = `${MINIMAL}    identity:
      trustedIssuers:
        - issuer: https://login.example.com/
          audiences: [https://api.example.com]
          userIdClaim: email
          userIdPrefix: "app:"
`;
    const config = loadConfig(await write(text), {});
    expect(config.environments.production?.identity.trustedIssuers).toEqual([
      {
        issuer: 'https://login.example.com/',
        audiences: ['https://api.example.com'],
        userIdClaim: 'email',
        userIdPrefix: 'app:',
      },
    ]);
  });

  it('takes trustProxy as true (one proxy) or a number of proxies', async () => {
    // The number says which X-Forwarded-For entry, from the right, the outermost proxy you run appended.
    const proxies = async (value: string) =>
      loadConfig(await write(`${MINIMAL}rateLimit: { trustProxy: ${value} }\n`), {}).rateLimit.trustProxy;
    expect(await proxies('true')).toBe(true);
    expect(await proxies('2')).toBe(2);
  });

  it('resolves masterKeyFile from the file too', async () => {
    // A key file named relatively sits next to the config.
    const file = await write(MINIMAL.replace(`masterKey: ${MASTER_KEY}`, 'masterKeyFile: keys/master.key'));
    expect(loadConfig(file, {}).masterKeyFile).toBe(join(dir, 'keys', 'master.key'));
  });

  it('expands variable references from the given environment', async () => {
    // Secrets stay out of the file: a reference anywhere in a string value is replaced, also mid-string.
    const text = MINIMAL.replace(`masterKey: ${MASTER_KEY}`, `masterKey: ${ref('TV_KEY')}`).replace(
      'clientId: acme-client',
      `clientId: acme-${ref('TENANT')}\n        clientSecret: ${ref('ACME_SECRET')}`,
    );
    const config = loadConfig(await write(text), { TV_KEY: MASTER_KEY, TENANT: 'eu', ACME_SECRET: 's3cret' });
    expect(config.masterKey).toBe(MASTER_KEY);
    expect(config.environments.production?.providers.acme).toMatchObject({
      clientId: 'acme-eu',
      clientSecret: 's3cret',
    });
  });

  it('fails naming a missing variable and where it is used', async () => {
    // An unset variable must not become an empty secret.
    const text = MINIMAL.replace(
      'clientId: acme-client',
      `clientId: acme\n        clientSecret: ${ref('ACME_SECRET')}`,
    );
    const err = failure(await write(text));
    expect(err.message).toContain('ACME_SECRET');
    expect(err.message).toContain('environments.production.providers.acme.clientSecret');
  });

  it('names every unset variable at once', async () => {
    // One pass: an operator fixing the environment learns all it lacks, not one variable per attempt.
    const text = MINIMAL.replace(MASTER_KEY, ref('MK')).replace('clientId: acme-client', `clientId: ${ref('ACME_ID')}`);
    const err = failure(await write(text));
    expect(err.message).toContain('  masterKey: environment variable MK is not set');
    expect(err.message).toContain(
      '  environments.production.providers.acme.clientId: environment variable ACME_ID is not set',
    );
  });

  // The form docs/security.md showed for a rotation, `[${OLD}]`, is not YAML: `{` opens a mapping in a flow list.
  it('takes quoted variables in a flow list, and says to quote them when they are not', async () => {
    const quoted = `${MINIMAL}previousMasterKeys: ["${ref('OLD_KEY')}"]\n`;
    expect(loadConfig(await write(quoted), { OLD_KEY: MASTER_KEY }).previousMasterKeys).toEqual([MASTER_KEY]);
    const bare = failure(await write(`${MINIMAL}previousMasterKeys: [${ref('OLD_KEY')}]\n`), { OLD_KEY: MASTER_KEY });
    expect(bare.message).toContain(`is not valid YAML (inside [ ] or { }, quote \${VAR}: ["\${VAR}"])`);
  });

  it.each(['toString', 'constructor', '__proto__'])('reports the variable %s as not set', async (name) => {
    // Regression: an Object.prototype member was read as the variable's value ("function toString() {…}").
    const text = MINIMAL.replace('clientId: acme-client', `clientId: acme\n        clientSecret: ${ref(name)}`);
    for (const env of [{}, process.env]) {
      const err = failure(await write(text), env);
      expect(err.message).toContain(`environment variable ${name} is not set`);
    }
  });

  it('lets TOKENVAULT_DATABASE, TOKENVAULT_PORT and TOKENVAULT_PUBLIC_URL override the file', async () => {
    // Environment variables win over the file (twelve-factor deployments).
    const config = loadConfig(await write(`${MINIMAL}port: 8000\n`), {
      TOKENVAULT_DATABASE: 'postgres://vault@db/vault',
      TOKENVAULT_PORT: '9000',
      TOKENVAULT_PUBLIC_URL: 'https://vault.example.com',
    });
    expect(config.database).toBe('postgres://vault@db/vault');
    expect(config.port).toBe(9000);
    expect(config.publicUrl).toBe('https://vault.example.com');
  });

  it('resolves a relative TOKENVAULT_DATABASE against the working directory, not the file (regression)', async () => {
    // A path typed in the shell means the shell's directory; a path in the file means the file's.
    const config = loadConfig(await write(MINIMAL), { TOKENVAULT_DATABASE: 'sqlite:./from-env.db' });
    expect(config.database).toBe(`sqlite:${join(process.cwd(), 'from-env.db')}`);
  });

  it('ignores empty override variables', async () => {
    // TOKENVAULT_PORT= (set but empty) leaves the file's value alone.
    const config = loadConfig(await write(`${MINIMAL}port: 8000\n`), { TOKENVAULT_PORT: '' });
    expect(config.port).toBe(8000);
  });

  it('lets TOKENVAULT_MASTER_KEY replace a masterKeyFile', async () => {
    // A key from the environment does not conflict with the file's masterKeyFile: it replaces it.
    const file = await write(MINIMAL.replace(`masterKey: ${MASTER_KEY}`, 'masterKeyFile: master.key'));
    const config = loadConfig(file, { TOKENVAULT_MASTER_KEY: MASTER_KEY });
    expect(config.masterKey).toBe(MASTER_KEY);
    expect(config.masterKeyFile).toBeUndefined();
  });

  it.each([
    ['an unknown top-level key', `${MINIMAL}datbase: x\n`, 'datbase'],
    [
      'an unknown key in an environment',
      MINIMAL.replace('    providers:', '    provders: {}\n    providers:'),
      'provders',
    ],
    ['both masterKey and masterKeyFile', `${MINIMAL}masterKeyFile: master.key\n`, 'masterKey'],
    ['neither masterKey nor masterKeyFile', MINIMAL.replace(`masterKey: ${MASTER_KEY}`, ''), 'masterKey'],
    ['a database that is neither sqlite nor postgres', MINIMAL.replace('sqlite:./x.db', 'mysql://x'), 'database'],
    ['an environment id with a dot', MINIMAL.replace('  production:', '  prod.eu:'), 'environments.prod.eu'],
    ['a provider without clientId', MINIMAL.replace('clientId: acme-client', ''), 'providers.acme.clientId'],
    ['an app origin with a path', `${MINIMAL}appOrigins: [http://localhost:3000/app]\n`, 'appOrigins.0'],
    ['a provider timeout that is not positive', `${MINIMAL}providerTimeoutSeconds: 0\n`, 'providerTimeoutSeconds'],
    ['an audit retention of zero days', `${MINIMAL}auditRetentionDays: 0\n`, 'auditRetentionDays'],
    ['a metrics token short enough to guess', `${MINIMAL}metricsToken: short\n`, 'metricsToken'],
    ['a negative rate limit', `${MINIMAL}rateLimit: { requestsPerMinute: -1 }\n`, 'rateLimit.requestsPerMinute'],
    ['zero proxies to trust', `${MINIMAL}rateLimit: { trustProxy: 0 }\n`, 'rateLimit.trustProxy'],
    ['a fraction of a proxy', `${MINIMAL}rateLimit: { trustProxy: 1.5 }\n`, 'rateLimit.trustProxy'],
    ['trustProxy as a word', `${MINIMAL}rateLimit: { trustProxy: yes-please }\n`, 'rateLimit.trustProxy'],
    ['refreshAhead that is not a boolean', `${MINIMAL}refreshAhead: sometimes\n`, 'refreshAhead'],
    [
      'a webhook without a secret',
      `${MINIMAL}    webhooks: [{ url: https://app.example.com/hooks }]\n`,
      'webhooks.0.secret',
    ],
    // A URL the vault builds on or calls is refused when the URL parser would silently drop part of it.
    ['a public URL with a tab', `${MINIMAL}publicUrl: "https://vault.example.com/a\\tb"\n`, 'publicUrl'],
    ['a public URL with a newline', `${MINIMAL}publicUrl: "https://vault.example.com/\\n"\n`, 'publicUrl'],
    ['a public URL with a query', `${MINIMAL}publicUrl: https://vault.example.com/?x=1\n`, 'publicUrl'],
    ['a public URL that is not http(s)', `${MINIMAL}publicUrl: "javascript:alert(1)"\n`, 'publicUrl'],
    [
      'a webhook URL with a control character',
      `${MINIMAL}    webhooks: [{ url: "https://app.example.com/ho\\x01oks", secret: s }]\n`,
      'webhooks.0.url',
    ],
    [
      'a webhook URL that is not http(s)',
      `${MINIMAL}    webhooks: [{ url: "mailto:a@b.c", secret: s }]\n`,
      'webhooks.0.url',
    ],
    ['an app origin that is not http(s)', `${MINIMAL}appOrigins: [ws://localhost:3000]\n`, 'appOrigins.0'],
    ['an app origin with a tab', `${MINIMAL}appOrigins: ["http://local\\thost:3000"]\n`, 'appOrigins.0'],
    [
      'a trusted issuer without audiences',
      `${MINIMAL}    identity: { trustedIssuers: [{ issuer: https://login.example.com/ }] }\n`,
      'identity.trustedIssuers.0.audiences',
    ],
    [
      'an unknown key of a trusted issuer',
      `${MINIMAL}    identity: { trustedIssuers: [{ issuer: https://login.example.com/, audiences: [app], alg: HS256 }] }\n`,
      'alg',
    ],
  ])('rejects %s, naming it', async (_, text, named) => {
    // Every schema problem is a CliError (exit 1) whose message points at the offending key.
    const err = failure(await write(text));
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('is invalid');
    expect(err.message).toContain(named);
  });

  it('keeps URLs as the URL parser writes them', async () => {
    const hook = '    webhooks: [{ url: "https://app.example.com/h%6fok", secret: s }]\n';
    const text = `${MINIMAL}${hook}publicUrl: https://VAULT.example.com:443/base/\n`;
    const config = loadConfig(await write(text), {});
    expect(config.publicUrl).toBe('https://vault.example.com/base');
    expect(config.environments.production?.webhooks[0]?.url).toBe('https://app.example.com/h%6fok');
  });

  it('refuses a TOKENVAULT_PUBLIC_URL with a control character, from the file or in dev mode', async () => {
    expect(failure(await write(MINIMAL), { TOKENVAULT_PUBLIC_URL: 'http://vault.test/\n' }).message).toContain(
      'publicUrl',
    );
    expect(() => publicUrlFromEnv('http://vault.test/\t')).toThrow(CliError);
    expect(publicUrlFromEnv('http://VAULT.test/')).toBe('http://vault.test');
    expect(publicUrlFromEnv('')).toBeUndefined();
    // Hosts that are not domain names stay valid: an IP address, localhost (dev and tests run on them).
    expect(publicUrlFromEnv('http://127.0.0.1:7007/vault')).toBe('http://127.0.0.1:7007/vault');
    expect(publicUrlFromEnv('http://localhost:7007')).toBe('http://localhost:7007');
  });

  it('rejects an overridden port that is not a number, naming port', async () => {
    // A bad override is reported like a bad file value.
    const err = failure(await write(MINIMAL), { TOKENVAULT_PORT: 'eighty' });
    expect(err.message).toContain('port:');
  });

  it.each([
    ['a YAML list', '- a\n- b\n', 'must hold a YAML mapping'],
    ['a YAML scalar', 'hello\n', 'must hold a YAML mapping'],
    ['an empty file', '', 'must hold a YAML mapping'],
    ['invalid YAML', 'database: [sqlite:x\n', 'is not valid YAML'],
    ['duplicate keys', `${MINIMAL}database: sqlite:./y.db\n`, 'is not valid YAML'],
  ])('rejects %s', async (_, text, expected) => {
    // A file that is not a single mapping fails with one clear CliError naming the file.
    const file = await write(text);
    const err = failure(file);
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain(file);
    expect(err.message).toContain(expected);
  });

  it('takes a dashboard section, refusing an operator line that names no one, two people or no such environment', async () => {
    const dashboard = `
dashboard:
  oidc: { issuer: https://login.example.com, clientId: dash, clientSecret: s3cret }
  operators:
    - { email: ada@example.com, role: admin, environments: [production] }
`;
    const config = loadConfig(await write(MINIMAL + dashboard));
    expect(config.dashboard).toMatchObject({ idleTimeoutMinutes: 30, operators: [{ email: 'ada@example.com' }] });
    const bad = `
dashboard:
  oidc: { issuer: https://login.example.com, clientId: dash, clientSecret: s3cret }
  operators:
    - { role: viewer, environments: [production] }
    - { email: a@example.com, subject: a, role: viewer, environments: [production] }
    - { group: ops, role: root, environments: [staging] }
`;
    const message = failure(await write(MINIMAL + bad)).message;
    expect(message).toContain('dashboard.operators.0');
    expect(message).toContain('dashboard.operators.1');
    expect(message).toMatch(/dashboard\.operators\.2\.role/);
  });

  it('reports a missing file as a CliError', () => {
    // A wrong --config path is a one-line error, not an ENOENT stack trace.
    const err = failure(join(dir, 'nope.yaml'));
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain('cannot read config file');
  });
});
