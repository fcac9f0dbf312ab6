import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  buildProviderSpec,
  type ConfiguredProvider,
  createCipher,
  createProviderRegistry,
  createVault,
  type ProviderHooks,
  type ProviderHttp,
  type Store,
  type TrustedIssuer,
  type Vault,
  type VaultLogger,
  type WebhookEndpoint,
} from '@tokenvault/core';
import { presets } from '@tokenvault/providers';
import type { ConnectUi } from '@tokenvault/server';
import { CliError } from './cli-error.js';
import type { Config, ProviderEntry } from './config.js';
import { missingSecrets } from './provider-problems.js';

/** Everything a command needs, whether it came from a config file or from dev mode. */
export interface Settings {
  database: string;
  masterKey: Uint8Array;
  /** Older keys that still decrypt while a rotation is under way. */
  previousMasterKeys?: Uint8Array[];
  publicUrl: string;
  environments: Record<string, ConfiguredProvider[]>;
  webhooks?: Record<string, WebhookEndpoint[]>;
  /** Per environment: whose user JWTs are accepted. */
  trustedIssuers?: Record<string, TrustedIssuer[]>;
  /** Per-request timeout for provider calls; default 10. */
  providerTimeoutSeconds?: number;
  /** Default 365. */
  auditRetentionDays?: number;
}

/** Loads only the store the database names: a SQLite server never loads the PostgreSQL driver, nor the reverse. */
export async function openStore(database: string): Promise<Store> {
  if (database.startsWith('sqlite:')) {
    const { createSqliteStore } = await import('@tokenvault/store-sqlite');
    return createSqliteStore({ filename: database.slice('sqlite:'.length) });
  }
  const { createPostgresStore } = await import('@tokenvault/store-postgres');
  return createPostgresStore({ connectionString: database });
}

export async function openVault(settings: Settings, logger?: VaultLogger): Promise<Vault> {
  const store = await openStore(settings.database);
  await store.migrate();
  const http: Partial<ProviderHttp> = {};
  if (settings.providerTimeoutSeconds !== undefined) http.timeoutMs = settings.providerTimeoutSeconds * 1000;
  return createVault({
    store,
    cipher: await createCipher([settings.masterKey, ...(settings.previousMasterKeys ?? [])]),
    providers: createProviderRegistry(settings.environments),
    publicUrl: settings.publicUrl,
    http,
    ...(settings.webhooks && { webhooks: settings.webhooks }),
    ...(settings.trustedIssuers && { trustedIssuers: settings.trustedIssuers }),
    ...(logger && { logger }),
    ...(settings.auditRetentionDays !== undefined && { auditRetentionDays: settings.auditRetentionDays }),
  });
}

/** A master key is 32 bytes of base64 (`openssl rand -base64 32`); a passphrase is not a key. */
export function decodeMasterKey(value: string, where: string): Uint8Array {
  const text = value.trim();
  // Exactly 44 padded base64 characters: Buffer would skip foreign characters, and a bare 43-character
  // passphrase would otherwise pass as unpadded base64.
  const key = /^[A-Za-z0-9+/]{43}=$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (key?.length !== 32) throw new CliError(`${where} must be 32 bytes of base64 (try: openssl rand -base64 32)`);
  return new Uint8Array(key);
}

export function masterKeyFrom(config: Config): Uint8Array {
  if (config.masterKey !== undefined) return decodeMasterKey(config.masterKey, 'masterKey');
  const file = config.masterKeyFile as string;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new CliError(`cannot read masterKeyFile ${file}: ${(cause as Error).message}`);
  }
  return decodeMasterKey(text, `masterKeyFile ${file}`);
}

export function previousMasterKeysFrom(config: Config): Uint8Array[] {
  return config.previousMasterKeys.map((key, i) => decodeMasterKey(key, `previousMasterKeys.${i}`));
}

export function webhooksFrom(config: Config): Record<string, WebhookEndpoint[]> {
  return Object.fromEntries(Object.entries(config.environments).map(([env, { webhooks }]) => [env, webhooks]));
}

export function trustedIssuersFrom(config: Config): Record<string, TrustedIssuer[]> {
  return Object.fromEntries(
    Object.entries(config.environments).map(([env, e]) => [
      env,
      e.identity.trustedIssuers.map(({ userIdPrefix, jwksUri, ...issuer }) => ({
        ...issuer,
        ...(jwksUri !== undefined && { jwksUri }),
        ...(userIdPrefix !== undefined && { userIdPrefix }),
      })),
    ]),
  );
}

/** Each environment's connect-page branding, where it has one. */
export function connectUiFrom(config: Config): Record<string, ConnectUi> {
  return Object.fromEntries(
    Object.entries(config.environments).flatMap(([env, e]) => (e.connectUi ? [[env, e.connectUi]] : [])),
  );
}

export async function providersFrom(config: Config): Promise<Record<string, ConfiguredProvider[]>> {
  const environments: Record<string, ConfiguredProvider[]> = {};
  for (const [env, { providers }] of Object.entries(config.environments)) {
    environments[env] = [];
    for (const [id, entry] of Object.entries(providers)) {
      const hooks =
        entry.hooks === undefined ? undefined : await loadHooks(`environments.${env}.providers.${id}`, entry.hooks);
      environments[env].push(configuredProvider(env, id, entry, hooks));
    }
  }
  return environments;
}

const TS_HINT = ' (compile it to .js, or start with NODE_OPTIONS="--import tsx")';

const HOOK_NAMES = ['getTokenData', 'getCredentialsFromTokenResponse', 'refreshCredentials', 'test'] as const;

/** A provider's hooks module: functions exported by the hook names (docs/configuration.md, "Code hooks"), and nothing else by those names. */
async function loadHooks(where: string, file: string): Promise<ProviderHooks> {
  let module: Record<string, unknown>;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (cause) {
    // The CLI runs compiled JavaScript: a TypeScript module needs a loader the operator chooses.
    const typescript = (cause as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION' ? TS_HINT : '';
    throw new CliError(`${where}.hooks: cannot load ${file}: ${(cause as Error).message}${typescript}`);
  }
  const hooks: Record<string, unknown> = {};
  for (const name of HOOK_NAMES) {
    if (module[name] === undefined) continue;
    if (typeof module[name] !== 'function') throw new CliError(`${where}.hooks: ${name} in ${file} is not a function`);
    hooks[name] = module[name];
  }
  if (Object.keys(hooks).length === 0) {
    throw new CliError(`${where}.hooks: ${file} exports none of ${HOOK_NAMES.join(', ')}`);
  }
  return hooks as ProviderHooks;
}

/**
 * A preset with the entry's fields on top. `scopes` is either the list always requested or, for a
 * custom spec, the spec's own `{default, required, separator}`.
 */
export function configuredProvider(
  env: string,
  id: string,
  entry: ProviderEntry,
  hooks?: ProviderHooks,
): ConfiguredProvider {
  const { preset: presetId, hooks: _hooksFile, clientId, clientSecret, secrets, scopes, ...overrides } = entry;
  // Own properties only: `preset: constructor` must not find Object.prototype's.
  const preset = presetId === undefined ? {} : Object.hasOwn(presets, presetId) ? presets[presetId] : undefined;
  if (!preset) {
    throw new CliError(
      `environments.${env}.providers.${id}: unknown preset '${presetId}' (known: ${Object.keys(presets).join(', ')})`,
    );
  }
  const scopeList = Array.isArray(scopes) ? scopes : undefined;
  if (scopeList?.some((scope) => typeof scope !== 'string')) {
    throw new CliError(`environments.${env}.providers.${id}.scopes: a list of strings`);
  }
  const spec = buildProviderSpec({ displayName: id, ...preset }, {
    ...(overrides as object),
    ...(scopes !== undefined && !scopeList && { scopes }),
    id,
  } as Parameters<typeof buildProviderSpec>[1]);
  const missing = missingSecrets(spec.api, secrets);
  if (missing.length > 0) {
    throw new CliError(
      `environments.${env}.providers.${id}.secrets.${missing[0]}: required: the provider's api.headers name {secrets.${missing[0]}}`,
    );
  }
  return {
    ...{ env, id, spec, clientId, clientSecret, scopes: scopeList ?? spec.scopes.default },
    ...(secrets && { secrets }),
    ...(hooks && { hooks }),
  };
}
