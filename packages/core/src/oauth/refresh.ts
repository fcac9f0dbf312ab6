import * as oauth from 'oauth4webapi';
import { VaultError } from '../errors.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import { asTokenResponse, credentialsFrom } from './authorization-code.js';
import { clientAuth, hookClient, oauthClient } from './authorization-server.js';
import { type ProviderHttp, requestOptions, throwIfTransient, tokenRequestOptions, transportFailure } from './http.js';
import { renewLongLived } from './long-lived-token.js';
import { runHook, type TokenResponseData } from './provider-hooks.js';
import { type TokenSet, toTokenSet } from './token-set.js';

/**
 * Errors that mean the grant is gone and only a new consent helps (docs/reliability.md, "Failure classes"). `bad_refresh_token` is
 * GitHub's spelling, `invalid_refresh_token` Slack's; `unauthorized_client` is what some providers answer once
 * the user removed the app.
 */
const GRANT_GONE = new Set(['invalid_grant', 'bad_refresh_token', 'invalid_refresh_token', 'unauthorized_client']);

export async function refreshTokens(
  provider: ConfiguredProvider,
  as: oauth.AuthorizationServer,
  http: ProviderHttp,
  /** The refresh token; for a provider with `longLivedToken`, the held access token, which renews itself. */
  refreshToken: string,
  /** What the account holds, sent as `scope` only when the spec's `scopes.sendOnRefresh` says so. */
  grantedScopes: readonly string[],
  /** The vault's clock when the request is sent; expiry is counted from it. */
  requestedAt: number,
  /** Sent as `redirect_uri` when the spec's `refreshSendsRedirectUri` says so (Gusto). */
  redirectUri?: string,
): Promise<TokenSet> {
  if (provider.spec.longLivedToken) return renewLongLived(provider, http, refreshToken, requestedAt);
  const refreshCredentials = provider.hooks?.refreshCredentials;
  if (refreshCredentials) {
    const data = await runHook('refreshCredentials', () =>
      refreshCredentials({ ...hookClient(provider, http), refreshToken }),
    );
    return toTokenSet(asTokenResponse(await credentialsFrom(provider, http, data)), provider.spec, requestedAt);
  }
  const client = oauthClient(provider);
  const { refreshUri } = provider.spec;
  // Figma refreshes at an endpoint of its own; everyone else at the token endpoint.
  const server = refreshUri ? { ...as, token_endpoint: refreshUri } : as;
  try {
    const response = await oauth.refreshTokenGrantRequest(server, client, clientAuth(provider), refreshToken, {
      additionalParameters: refreshParameters(provider, grantedScopes, redirectUri),
      ...tokenRequestOptions(http, provider.spec, server.token_endpoint),
    });
    throwIfTransient(response, 'refresh');
    const result = await oauth.processRefreshTokenResponse(server, client, response);
    const credentials = provider.hooks?.getCredentialsFromTokenResponse
      ? asTokenResponse(await credentialsFrom(provider, http, result as TokenResponseData))
      : result;
    return toTokenSet(credentials, provider.spec, requestedAt);
  } catch (err) {
    if (err instanceof VaultError) throw err;
    if (err instanceof oauth.ResponseBodyError) throw grantFailure(err.error, err);
    throw transportFailure(err, 'refresh');
  }
}

/**
 * RFC 6749 §6 makes `scope` optional on a refresh, meaning "as granted". Some providers refuse it (`invalid_scope`),
 * others narrow the new token to nothing without it, so the spec decides (`scopes.sendOnRefresh`).
 */
function refreshParameters(
  provider: ConfiguredProvider,
  grantedScopes: readonly string[],
  redirectUri: string | undefined,
): Record<string, string> {
  const { extra, scopes, refreshSendsRedirectUri } = provider.spec;
  return {
    ...(scopes.sendOnRefresh && grantedScopes.length > 0 && { scope: grantedScopes.join(scopes.separator) }),
    ...(refreshSendsRedirectUri && redirectUri !== undefined && { redirect_uri: redirectUri }),
    ...extra.refresh,
  };
}

/** needs_reauth when the grant is gone, provider_error (a configuration problem such as invalid_client) otherwise. */
function grantFailure(error: string, cause?: unknown): VaultError {
  if (GRANT_GONE.has(error)) {
    return new VaultError('needs_reauth', `the provider no longer honours this grant (${error})`, { cause });
  }
  return new VaultError('provider_error', `provider rejected refresh: ${error}`, { cause });
}

/** RFC 7009. Returns false when the provider has no revocation endpoint. */
export async function revokeToken(
  provider: ConfiguredProvider,
  as: oauth.AuthorizationServer,
  http: ProviderHttp,
  token: string,
  hint: 'refresh_token' | 'access_token',
): Promise<boolean> {
  if (!as.revocation_endpoint) return false;
  try {
    const response = await oauth.revocationRequest(as, oauthClient(provider), clientAuth(provider), token, {
      additionalParameters: { token_type_hint: hint },
      ...requestOptions(http, as.revocation_endpoint),
    });
    throwIfTransient(response, 'revocation');
    await oauth.processRevocationResponse(response);
    return true;
  } catch (err) {
    throw transportFailure(err, 'revocation');
  }
}
