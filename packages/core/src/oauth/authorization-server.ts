import * as oauth from 'oauth4webapi';
import type { ConfiguredProvider } from '../providers/registry.js';
import { type ProviderHttp, requestOptions, throwIfTransient, transportFailure } from './http.js';
import type { HookClient } from './provider-hooks.js';

// Weak: a provider filled with a shop's values is dropped by `withParams`'s bounded cache, and its entry with it.
const cache = new WeakMap<ConfiguredProvider, Promise<oauth.AuthorizationServer>>();

/**
 * The provider's endpoints: from OIDC discovery when it has an issuer, else from its spec. Explicit
 * endpoints in the spec win over discovered ones. Cached per provider; a failed discovery is retried next time.
 */
export function authorizationServer(
  provider: ConfiguredProvider,
  http: ProviderHttp,
): Promise<oauth.AuthorizationServer> {
  let pending = cache.get(provider);
  if (!pending) {
    pending = resolve(provider, http);
    pending.catch(() => cache.delete(provider));
    cache.set(provider, pending);
  }
  return pending;
}

async function resolve(provider: ConfiguredProvider, http: ProviderHttp): Promise<oauth.AuthorizationServer> {
  const { spec } = provider;
  const explicit = {
    ...(spec.authorizeUri && { authorization_endpoint: spec.authorizeUri }),
    ...(spec.tokenUri && { token_endpoint: spec.tokenUri }),
    ...(spec.revokeUri && { revocation_endpoint: spec.revokeUri }),
    ...(spec.account.userInfoUri && { userinfo_endpoint: spec.account.userInfoUri }),
  };
  if (!spec.issuer) {
    // Plain OAuth 2.0 has no issuer identifier; the authorization endpoint's origin stands in for one.
    return { issuer: new URL(spec.authorizeUri as string).origin, ...explicit };
  }
  const issuer = new URL(spec.issuer);
  try {
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(http, spec.issuer) });
    throwIfTransient(response, `discovery (provider ${provider.id}, ${issuer.href})`);
    return { ...(await oauth.processDiscoveryResponse(issuer, response)), ...explicit };
  } catch (err) {
    // The provider and the URL, so the log line of a failed connect says which configuration to check.
    throw transportFailure(err, `discovery (provider ${provider.id}, ${issuer.href})`);
  }
}

/** What a provider's hooks are told about the OAuth app, and the vault's guarded fetch to call it with. */
export function hookClient(provider: ConfiguredProvider, http: ProviderHttp): HookClient {
  return {
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    tokenUri: provider.spec.tokenUri,
    fetch: (input, init) => http.fetch(input, { signal: AbortSignal.timeout(http.timeoutMs), ...init }),
  };
}

export function oauthClient(provider: ConfiguredProvider): oauth.Client {
  return { client_id: provider.clientId };
}

/** The provider spec's `clientAuthLocation`: HTTP Basic (RFC 6749 §2.3.1), the form body, or both for odd providers. */
export function clientAuth(provider: ConfiguredProvider): oauth.ClientAuth {
  const secret = provider.clientSecret;
  if (secret === undefined) return oauth.None();
  switch (provider.spec.clientAuthLocation) {
    case 'headers':
      return oauth.ClientSecretBasic(secret);
    case 'body':
      return oauth.ClientSecretPost(secret);
    case 'both': {
      const basic = oauth.ClientSecretBasic(secret);
      const post = oauth.ClientSecretPost(secret);
      return async (as, client, body, headers) => {
        await basic(as, client, body, headers);
        await post(as, client, body, headers);
      };
    }
  }
}
