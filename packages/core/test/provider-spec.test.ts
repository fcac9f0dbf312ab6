import { describe, expect, it } from 'vitest';
import { VaultError } from '../src/errors.js';
import {
  buildProviderSpec,
  isLoopback,
  type ProviderSpecInput,
  providerSpecSchema,
} from '../src/providers/provider-spec.js';

const oidcSpec = { id: 'acme', displayName: 'Acme', type: 'oidc', issuer: 'https://id.example.com' } as const;
const oauth2Spec = {
  id: 'forge',
  displayName: 'Forge',
  type: 'oauth2',
  authorizeUri: 'https://forge.example.com/authorize',
  tokenUri: 'https://forge.example.com/token',
  account: { userInfoUri: 'https://api.forge.example.com/user' },
} as const;

/** The dotted paths of every problem the schema reports. */
function problems(input: unknown): string[] {
  const result = providerSpecSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('providerSpecSchema endpoints', () => {
  it.each([
    'https://id.example.com',
    'https://id.example.com:8443/tenant/v2',
    'http://127.0.0.1:9/',
    'http://127.10.20.30/',
    'http://[::1]:8080/',
    'http://localhost:3000',
  ])('accepts %s', (issuer) => {
    // https is always fine; http only for loopback hosts (development, the demo provider, tests).
    expect(problems({ ...oidcSpec, issuer })).toEqual([]);
  });

  it.each([
    'http://example.com',
    'http://127.0.0.1.evil.com',
    'http://localhost.evil.com',
    'http://128.0.0.1/',
    'http://[::2]/',
    'ftp://id.example.com',
    'id.example.com',
  ])('rejects %s', (issuer) => {
    // A remote http endpoint would send tokens in the clear; lookalike host names must not pass as loopback.
    expect(problems({ ...oidcSpec, issuer })).toEqual(['issuer']);
  });

  it('checks every endpoint field, not only issuer', () => {
    // The loopback rule applies to each URL the vault will call.
    const spec = {
      ...oauth2Spec,
      tokenUri: 'http://forge.example.com/token',
      revokeUri: 'http://forge.example.com/revoke',
      account: { userInfoUri: 'http://api.forge.example.com/user' },
    };
    expect(problems(spec).sort()).toEqual(['account.userInfoUri', 'revokeUri', 'tokenUri']);
  });

  it('isLoopback takes a URL hostname', () => {
    // URL.hostname brackets IPv6, so ::1 arrives as [::1]; lookalikes are not loopback.
    expect(isLoopback(new URL('http://[::1]/').hostname)).toBe(true);
    expect(isLoopback(new URL('http://127.0.0.1/').hostname)).toBe(true);
    expect(isLoopback(new URL('http://LOCALHOST/').hostname)).toBe(true);
    expect(isLoopback(new URL('http://127.0.0.1.nip.io/').hostname)).toBe(false);
    expect(isLoopback(new URL('http://localhost.evil.com/').hostname)).toBe(false);
  });
});

describe('providerSpecSchema types', () => {
  it('requires an issuer for oidc', () => {
    // Without an issuer an oidc provider cannot be discovered.
    const { issuer: _, ...withoutIssuer } = oidcSpec;
    expect(problems(withoutIssuer)).toEqual(['issuer']);
  });

  it('requires authorizeUri, tokenUri and account.userInfoUri for oauth2', () => {
    // Plain OAuth 2.0 has no discovery and no id_token: every endpoint must be named.
    const { authorizeUri: _a, tokenUri: _t, account: _u, ...bare } = oauth2Spec;
    expect(problems(bare).sort()).toEqual(['account.userInfoUri', 'authorizeUri', 'tokenUri']);
    expect(problems(oauth2Spec)).toEqual([]);
  });

  it('fills defaults', () => {
    // A hand-written spec may omit everything with a default; the parsed spec has them all.
    const spec = providerSpecSchema.parse(oidcSpec);
    expect(spec).toMatchObject({
      scopes: { default: [], required: [], separator: ' ' },
      clientAuthLocation: 'headers',
      skipPkce: false,
      noRefreshToken: false,
      extra: { authorize: {}, token: {}, refresh: {} },
      account: { idPath: 'sub' },
    });
  });

  it.each([
    ['a top-level key', { ...oidcSpec, issuerUrl: 'https://x.example.com' }],
    ['a key in scopes', { ...oidcSpec, scopes: { defaults: ['openid'] } }],
    ['a key in extra', { ...oidcSpec, extra: { authorise: {} } }],
    ['a key in account', { ...oidcSpec, account: { idPth: 'id' } }],
  ])('rejects an unknown key: %s', (_, spec) => {
    // A misspelt field must be an error, not silently ignored.
    expect(providerSpecSchema.safeParse(spec).success).toBe(false);
  });
});

describe('buildProviderSpec', () => {
  const preset = {
    type: 'oidc',
    scopes: { default: ['openid', 'profile'], required: ['openid'], separator: ' ' },
    extra: { authorize: { prompt: 'consent', access_type: 'offline' } },
    account: { idPath: 'sub', displayNamePath: 'name' },
  } satisfies Partial<ProviderSpecInput>;

  it('merges nested objects one level deep', () => {
    // Overriding one nested field keeps the preset's other fields of that object.
    const spec = buildProviderSpec(preset, {
      id: 'acme',
      displayName: 'Acme',
      issuer: 'https://id.example.com',
      scopes: { default: ['openid', 'email'] },
      extra: { token: { audience: 'api' } },
      account: { idPath: 'user_id' },
    });
    expect(spec.scopes).toEqual({
      default: ['openid', 'email'],
      required: ['openid'],
      separator: ' ',
      param: 'scope',
      sendOnRefresh: false,
    });
    expect(spec.extra).toEqual({
      authorize: { prompt: 'consent', access_type: 'offline' },
      token: { audience: 'api' },
      refresh: {},
    });
    expect(spec.account).toEqual({ idPath: 'user_id', displayNamePath: 'name', headers: {} });
  });

  it('lets a configuration give a per-account value a default without repeating its pattern', () => {
    // params merge two levels deep: the preset's pattern and description stay, the default is the override's.
    const spec = buildProviderSpec(
      {
        ...oidcSpec,
        type: 'oauth2',
        authorizeUri: 'https://{domain}/authorize',
        tokenUri: 'https://{domain}/token',
        account: { userInfoUri: 'https://{domain}/me', idPath: 'id' },
        params: { domain: { pattern: '[a-z]+\\.example\\.com', description: 'the host' } },
      },
      { params: { domain: { default: 'eu.example.com' } } as never },
    );
    expect(spec.params.domain).toEqual({
      pattern: '[a-z]+\\.example\\.com',
      description: 'the host',
      default: 'eu.example.com',
    });
    expect(() => buildProviderSpec(spec, { params: { domain: { default: 'evil.test' } } as never })).toThrow(
      /the default does not match the pattern/,
    );
    expect(() => buildProviderSpec(spec, { tokenUri: 'https://{tenant}/token' })).toThrow(
      /\{tenant\} is not one of params/,
    ); // Regression: a placeholder named like an Object.prototype member was taken for a declared param.
    for (const name of ['constructor', 'toString', 'valueOf']) {
      expect(() => buildProviderSpec(spec, { tokenUri: `https://{${name}}/token` })).toThrow(
        new RegExp(`\\{${name}\\} is not one of params`),
      );
    }
  });

  it('replaces, not merges, a second-level object', () => {
    // One level deep means an override's extra.authorize replaces the preset's extra.authorize whole.
    const spec = buildProviderSpec(preset, { ...oidcSpec, extra: { authorize: { prompt: 'login' } } });
    expect(spec.extra.authorize).toEqual({ prompt: 'login' });
  });

  it('leaves the preset untouched', () => {
    // Presets are shared by every configured provider; building one must not change them.
    const before = structuredClone(preset);
    buildProviderSpec(preset, { ...oidcSpec, scopes: { default: ['x'] }, account: { idPath: 'id' } });
    expect(preset).toEqual(before);
  });

  it('throws invalid_request naming every bad field path', () => {
    // A configuration mistake must point at the field to fix.
    let caught: unknown;
    try {
      buildProviderSpec(preset, { id: 'acme', displayName: 'Acme', type: 'oauth2', tokenUri: 'http://example.com/t' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(VaultError);
    const err = caught as VaultError;
    expect(err.code).toBe('invalid_request');
    expect(err.message).toContain("provider 'acme'");
    expect(err.message).toContain('tokenUri:');
    expect(err.message).toContain('authorizeUri:');
    expect(err.message).toContain('account.userInfoUri:');
  });
});

describe('the api field', () => {
  const spec = {
    id: 'acme',
    displayName: 'Acme',
    type: 'oauth2',
    authorizeUri: 'https://acme.example/authorize',
    tokenUri: 'https://acme.example/token',
    account: { userInfoUri: 'https://acme.example/me' },
  } satisfies ProviderSpecInput;
  const problems = (api: object, extra: Partial<ProviderSpecInput> = {}) => {
    try {
      buildProviderSpec({}, { ...spec, ...extra, api } as ProviderSpecInput);
      return '';
    } catch (err) {
      return (err as VaultError).message;
    }
  };

  it('takes a base URL with defaults for auth, retries and timeouts', () => {
    const built = buildProviderSpec({}, { ...spec, api: { baseUrl: 'https://api.acme.example/v1' } });
    expect(built.api).toMatchObject({
      auth: { type: 'bearer' },
      retry: { maxAttempts: 3, maxRetryAfterSeconds: 10 },
      timeouts: { connectMs: 10_000, headersMs: 30_000, idleMs: 60_000 },
      allowPrivateNetworks: false,
    });
  });

  it.each([
    [{ baseUrl: 'http://api.acme.example' }, /api\.baseUrl: must be an https:\/\/ URL/],
    [{ baseUrl: 'https://api.acme.example/?q=1' }, /api\.baseUrl: must have no query/],
    [{ baseUrl: 'https://{tenant}.acme.example' }, /api\.baseUrl: \{tenant\} is not one of params/],
    [
      { baseUrl: '{metadata.instance_url}/v1' },
      /api\.allowedHosts: a host taken from account metadata needs allowedHosts/,
    ],
    [{ baseUrl: 'https://api.acme.example', auth: { type: 'cookie' } }, /api\.auth/],
    [{ baseUrl: 'https://api.acme.example', headers: { 'Bad Header': 'x' } }, /api\.headers/],
    [{ baseUrl: 'https://api.acme.example', allowedHosts: ['*.Evil..com'] }, /api\.allowedHosts/],
    [{ baseUrl: 'https://api.acme.example', retries: 3 }, /api: .*retries/],
    [{ baseUrl: 'https://api.acme.example', headers: { 'X-Org': '{org}' } }, /api\.headers\.X-Org: \{org\} is not/],
    [{ baseUrl: 'https://api.acme.example', headers: { 'X-Org': 'a\r\nCookie: x' } }, /api\.headers\.X-Org: must not/],
  ])('refuses %j with a clear error', (api, message) => {
    expect(problems(api)).toMatch(message);
  });
});

describe('providerSpecSchema quirk fields', () => {
  const build = (fields: Record<string, unknown>) => () => buildProviderSpec(oauth2Spec, fields);

  it('takes the quirk fields of Square, Gusto, Instagram, Yandex and Atlassian', () => {
    const spec = buildProviderSpec(oauth2Spec, {
      expiresAtField: 'expires_at',
      refreshSendsRedirectUri: true,
      longLivedToken: {
        exchangeUri: 'https://graph.forge.example.com/access_token',
        exchangeGrantType: 'ig_exchange_token',
        refreshUri: 'https://graph.forge.example.com/refresh_access_token',
        refreshGrantType: 'ig_refresh_token',
      },
      account: {
        userInfoUri: 'https://api.forge.example.com/user',
        tokenScheme: 'OAuth',
        metadata: { uri: 'https://api.forge.example.com/sites', fields: { cloud_id: '0.id' } },
      },
      api: { baseUrl: 'https://api.forge.example.com/ex/{metadata.cloud_id}', headers: { Key: '{secrets.key}' } },
    });
    expect(spec.longLivedToken?.minAgeSeconds).toBe(86_400); // Instagram and Threads: a day
    expect(spec.account.metadata?.fields).toEqual({ cloud_id: '0.id' });
  });

  it.each([
    [{ expiresAtField: 'expires at' }, /expiresAtField/],
    [{ account: { userInfoUri: 'https://api.forge.example.com/user', tokenScheme: 'O Auth' } }, /tokenScheme/],
    [
      { account: { userInfoUri: 'https://x.example/u', metadata: { uri: 'http://evil.example/s', fields: {} } } },
      /account\.metadata\.uri: must be an https/,
    ],
    [
      { account: { userInfoUri: 'https://x.example/u', metadata: { fields: { 'a.b': 'id' } } } },
      /account\.metadata\.fields/,
    ],
    [
      {
        params: { shop: { pattern: '[a-z]+', description: 'shop' } },
        account: { userInfoUri: 'https://x.example/u', metadata: { fields: { shop: 'id' } } },
      },
      /'shop' is a param/,
    ],
    [{ longLivedToken: { exchangeUri: 'https://x.example/a', exchangeGrantType: 'x' } }, /longLivedToken\.refreshUri/],
    [
      {
        longLivedToken: {
          ...{ exchangeUri: 'https://x.example/a', exchangeGrantType: 'x y' },
          ...{ refreshUri: 'https://x.example/r', refreshGrantType: 'r' },
        },
      },
      /longLivedToken\.exchangeGrantType/,
    ],
  ])('refuses %j with a clear error', (fields, message) => {
    expect(build(fields)).toThrow(message);
  });
});
