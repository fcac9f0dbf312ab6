import { VaultError } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli-error.js';
import type { ProviderEntry } from '../src/config.js';
import { providerProblems } from '../src/provider-problems.js';
import { configuredProvider, decodeMasterKey } from '../src/runtime.js';

const entry = (fields: Partial<ProviderEntry> = {}): ProviderEntry => ({
  preset: 'oidc',
  issuer: 'http://127.0.0.1:9/',
  clientId: 'x',
  ...fields,
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected an error, but nothing was thrown');
}

describe('configuredProvider', () => {
  it("builds an oidc provider from the preset, named by its id, with the preset's scopes", () => {
    // A minimal entry gets everything else from the preset; the display name defaults to the id.
    const provider = configuredProvider('production', 'acme', entry());
    expect(provider).toMatchObject({ env: 'production', id: 'acme', clientId: 'x' });
    expect(provider.clientSecret).toBeUndefined();
    expect(provider.spec).toMatchObject({
      id: 'acme',
      type: 'oidc',
      displayName: 'acme',
      issuer: 'http://127.0.0.1:9/',
    });
    expect(provider.scopes).toEqual(['openid', 'profile', 'email', 'offline_access']);
  });

  it('keeps an explicit display name and client secret', () => {
    // Entry fields win over the defaults.
    const provider = configuredProvider('production', 'acme', entry({ displayName: 'Acme SSO', clientSecret: 's' }));
    expect(provider.spec.displayName).toBe('Acme SSO');
    expect(provider.clientSecret).toBe('s');
  });

  it('takes a scopes list as the scopes requested', () => {
    // `scopes: [a, b]` in the configuration is what the provider is asked for (docs/configuration.md, "Providers").
    const provider = configuredProvider('production', 'acme', entry({ scopes: ['a', 'b'] }));
    expect(provider.scopes).toEqual(['a', 'b']);
  });

  it("takes a scopes object as the spec's own scopes, merged with the preset's", () => {
    // A custom spec's {default, required} overrides the preset field by field.
    const provider = configuredProvider('production', 'acme', entry({ scopes: { default: ['openid', 'groups'] } }));
    expect(provider.scopes).toEqual(['openid', 'groups']);
    expect(provider.spec.scopes.required).toEqual(['openid']);
  });

  it('builds a custom oauth2 provider without a preset', () => {
    // With no preset, the entry is the whole spec.
    const provider = configuredProvider('production', 'forge', {
      clientId: 'x',
      type: 'oauth2',
      authorizeUri: 'https://forge.example.com/authorize',
      tokenUri: 'https://forge.example.com/token',
      account: { userInfoUri: 'https://forge.example.com/user' },
    });
    expect(provider.spec).toMatchObject({ id: 'forge', type: 'oauth2', displayName: 'forge' });
    expect(provider.scopes).toEqual([]);
  });

  it('rejects an unknown preset with a CliError listing the known ones', () => {
    // A misspelt preset names the entry and the presets that exist.
    const err = thrown(() => configuredProvider('production', 'acme', entry({ preset: 'oidcc' })));
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toContain('environments.production.providers.acme');
    expect((err as CliError).message).toContain("'oidcc'");
    expect((err as CliError).message).toMatch(/known: .*oauth2.*oidc|known: .*oidc.*oauth2/);
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'rejects preset %s instead of finding an inherited property (regression)',
    (preset) => {
      // Preset lookup reads own properties only; Object.prototype is not a catalog.
      const err = thrown(() => configuredProvider('production', 'acme', entry({ preset })));
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).message).toContain('unknown preset');
    },
  );

  it('rejects a list of scopes that are not all strings', () => {
    // `scopes: [1]` is a configuration error named by its path.
    const err = thrown(() => configuredProvider('production', 'acme', entry({ scopes: ['a', 1] })));
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toContain('environments.production.providers.acme.scopes');
  });

  it('rejects an unknown spec field with invalid_request naming it', () => {
    // Every key besides preset, clientId and clientSecret is a spec field, so a typo is caught by the spec schema.
    const err = thrown(() => configuredProvider('production', 'acme', entry({ issuerUrl: 'https://x.example.com' })));
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe('invalid_request');
    expect((err as VaultError).message).toContain('issuerUrl');
  });
});

describe('provider secrets', () => {
  it("gives the API headers' {secrets.name} from the entry's secrets, and refuses an entry that lacks one", () => {
    // Google Ads' developer token: a secret of the configuration, sent by the proxy, never part of the spec.
    const ads = (fields: Partial<ProviderEntry>) =>
      configuredProvider('production', 'ads', { preset: 'google-ads', clientId: 'x', ...fields } as ProviderEntry);
    const provider = ads({ secrets: { developer_token: 'dt' } });
    expect(provider.secrets).toEqual({ developer_token: 'dt' });
    expect(provider.spec.api?.headers).toEqual({ 'developer-token': '{secrets.developer_token}' });
    // A configuration adds a header without dropping the preset's.
    const manager = ads({ secrets: { developer_token: 'dt' }, api: { headers: { 'login-customer-id': '123' } } });
    expect(Object.keys(manager.spec.api?.headers ?? {}).sort()).toEqual(['developer-token', 'login-customer-id']);
    const missing = thrown(() => ads({}));
    expect(missing).toBeInstanceOf(CliError);
    expect((missing as Error).message).toMatch(/providers\.ads\.secrets\.developer_token: required/);
    expect(
      providerProblems({ environments: { production: { providers: { ads: { preset: 'google-ads' } } } } }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/ads\.secrets\.developer_token: required/)]));
  });
});

describe('decodeMasterKey', () => {
  it('accepts 32 bytes of base64, with surrounding whitespace', () => {
    // `openssl rand -base64 32 > master.key` writes a trailing newline.
    const bytes = Buffer.alloc(32, 9);
    expect(decodeMasterKey(`${bytes.toString('base64')}\n`, 'masterKey')).toEqual(new Uint8Array(bytes));
  });

  it.each([31, 33, 16])('refuses %i bytes, naming where the key came from', (length) => {
    // A short or long key is a configuration error, reported before any ciphertext is touched.
    const err = thrown(() => decodeMasterKey(Buffer.alloc(length, 1).toString('base64'), 'masterKeyFile /k'));
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toContain('masterKeyFile /k must be 32 bytes');
  });

  it.each([
    ['a 43-character passphrase', 'mysupersecretpassphrasethatisfortythreechar'],
    ['a key with stray characters', `!!!!${Buffer.alloc(32, 1).toString('base64')}`],
  ])('refuses %s that Buffer would silently decode to 32 bytes (regression)', (_, value) => {
    // Only the base64 alphabet is a key; Buffer.from skips anything else and would accept these.
    expect(thrown(() => decodeMasterKey(value, 'masterKey'))).toBeInstanceOf(CliError);
  });
});
