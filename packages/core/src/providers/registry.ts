import { VaultError } from '../errors.js';
import type { ProviderHooks } from '../oauth/provider-hooks.js';
import type { ProviderSpec } from './provider-spec.js';

/** A provider as configured in one environment: its spec plus the OAuth app's credentials. */
export interface ConfiguredProvider {
  readonly env: string;
  readonly id: string;
  readonly spec: ProviderSpec;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  /** Secrets of the configuration the API headers name as `{secrets.name}` (Google Ads' developer token). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Requested on every authorization, with the spec's required scopes. */
  readonly scopes: readonly string[];
  /** Code for what the spec cannot say, from a custom provider's `hooks` module. */
  readonly hooks?: ProviderHooks;
}

export interface ProviderRegistry {
  list(env: string): ConfiguredProvider[];
  /** Throws `not_found` naming what is unknown: the environment or the provider. */
  get(env: string, id: string): ConfiguredProvider;
}

/** Environments map to their providers; an environment may have none. */
export function createProviderRegistry(environments: Record<string, readonly ConfiguredProvider[]>): ProviderRegistry {
  const byEnv = new Map(
    Object.entries(environments).map(([env, providers]) => [env, new Map(providers.map((p) => [p.id, p]))]),
  );
  const providersOf = (env: string) => {
    const providers = byEnv.get(env);
    if (!providers) throw new VaultError('not_found', `no environment named '${env}' is configured`);
    return providers;
  };
  return {
    list: (env) => [...providersOf(env).values()],
    get(env, id) {
      const provider = providersOf(env).get(id);
      if (!provider) throw new VaultError('not_found', `no provider '${id}' in environment '${env}'`);
      return provider;
    },
  };
}
