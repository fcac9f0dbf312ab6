import { authorizationServer } from '../oauth/authorization-server.js';
import { type ProviderHttp, providerHttp } from '../oauth/http.js';
import type { VaultContext } from '../vault-context.js';
import type { ProviderRegistry } from './registry.js';

export interface ProviderCheck {
  env: string;
  provider: string;
  /** The discovery URL, for providers that have one. */
  issuer?: string;
  /** Why discovery failed; absent when it worked or there was none to do. */
  error?: string;
}

/**
 * Discovery for every provider of the environments, all at once; never throws. A provider that fails is
 * reported with its reason (and is retried at its first use, as always).
 */
export async function checkProviders(
  ctx: Pick<VaultContext, 'providers' | 'http'>,
  envs: readonly string[],
): Promise<ProviderCheck[]> {
  const providers = envs.flatMap((env) => ctx.providers.list(env));
  return Promise.all(
    providers.map(async (provider): Promise<ProviderCheck> => {
      const found = { env: provider.env, provider: provider.id };
      if (!provider.spec.issuer) return found;
      try {
        await authorizationServer(provider, ctx.http);
        return { ...found, issuer: provider.spec.issuer };
      } catch (err) {
        return { ...found, issuer: provider.spec.issuer, error: reasonOf(err) };
      }
    }),
  );
}

/** The message and each cause's, so "fetch failed" comes with its "connect ECONNREFUSED 127.0.0.1:1". */
export function reasonOf(err: unknown): string {
  const parts: string[] = [];
  for (let at = err, depth = 0; at instanceof Error && depth < 5; depth++) {
    const inner = at instanceof AggregateError ? at.errors.map((e: Error) => e.message).join('; ') : '';
    const text = at.message || inner;
    if (text && !parts.includes(text)) parts.push(text);
    at = at.cause;
  }
  return parts.join(': ');
}

/** The same check without a vault: for `tokenvault providers validate` on a whole config file. */
export function discoverProviders(
  providers: ProviderRegistry,
  envs: readonly string[],
  http?: Partial<ProviderHttp>,
): Promise<ProviderCheck[]> {
  return checkProviders({ providers, http: providerHttp(http) }, envs);
}
