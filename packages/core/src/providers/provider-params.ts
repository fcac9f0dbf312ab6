import { LRUCache } from 'lru-cache';
import { VaultError } from '../errors.js';
import { own } from '../own.js';
import type { ProviderSpec } from './provider-spec.js';
import type { ConfiguredProvider } from './registry.js';

/** The longest DNS name: the values are host labels or path segments, never more. */
const MAX_VALUE_LENGTH = 253;

/**
 * A provider's per-account values (`params`, e.g. a Shopify shop) for one connect: every one given or defaulted,
 * each matching its pattern whole. The values end up in endpoint hosts, so nothing else gets through.
 */
export function resolveParams(
  spec: ProviderSpec,
  given: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, { pattern, description, default: fallback }] of Object.entries(spec.params)) {
    const value = own(given, name) ?? fallback;
    if (value === undefined || value === '') {
      throw new VaultError('invalid_request', `${spec.id} needs '${name}': ${description}`);
    }
    if (value.length > MAX_VALUE_LENGTH) {
      throw new VaultError('invalid_request', `'${name}' is longer than ${MAX_VALUE_LENGTH} characters`);
    }
    if (!new RegExp(`^(?:${pattern})$`).test(value)) {
      throw new VaultError('invalid_request', `'${name}' is not valid for ${spec.id}: ${description}`);
    }
    values[name] = value;
  }
  return values;
}

/** The values an account was connected with, kept in its metadata under the params' names. */
export function paramsOf(spec: ProviderSpec, metadata: Readonly<Record<string, string>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(spec.params)) {
    const value = own(metadata, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** Filled providers kept per provider; `/start` takes values from anyone, so what it can grow is bounded. */
const FILLED_PER_PROVIDER = 1_000;
const resolved = new WeakMap<ConfiguredProvider, LRUCache<string, ConfiguredProvider>>();

/**
 * The provider with its endpoint templates filled in. The same values give the same object while it is among the
 * last FILLED_PER_PROVIDER used, so what is cached per provider (discovered endpoints, in a WeakMap) is cached per
 * shop or data center too, and goes with it.
 */
export function withParams(provider: ConfiguredProvider, values: Readonly<Record<string, string>>): ConfiguredProvider {
  if (Object.keys(provider.spec.params).length === 0) return provider;
  const key = JSON.stringify(Object.entries(values).sort());
  let byValues = resolved.get(provider);
  if (!byValues) {
    byValues = new LRUCache({ max: FILLED_PER_PROVIDER });
    resolved.set(provider, byValues);
  }
  let filled = byValues.get(key);
  if (!filled) {
    const fill = (url: string | undefined) =>
      url?.replace(/\{([a-z][A-Za-z0-9_]*)\}/g, (_, name: string) => own(values, name) ?? '');
    const { spec } = provider;
    filled = {
      ...provider,
      spec: {
        ...spec,
        issuer: fill(spec.issuer),
        authorizeUri: fill(spec.authorizeUri),
        tokenUri: fill(spec.tokenUri),
        refreshUri: fill(spec.refreshUri),
        revokeUri: fill(spec.revokeUri),
        account: {
          ...spec.account,
          userInfoUri: fill(spec.account.userInfoUri),
          ...(spec.account.metadata && {
            metadata: { ...spec.account.metadata, uri: fill(spec.account.metadata.uri) },
          }),
        },
        ...(spec.longLivedToken && {
          longLivedToken: {
            ...spec.longLivedToken,
            exchangeUri: fill(spec.longLivedToken.exchangeUri) as string,
            refreshUri: fill(spec.longLivedToken.refreshUri) as string,
          },
        }),
      },
    };
    byValues.set(key, filled);
  }
  return filled;
}
