import * as oauth from 'oauth4webapi';
import { VaultError } from '../errors.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import { clientAuth, hookClient, oauthClient } from './authorization-server.js';
import { type ProviderHttp, requestOptions, throwIfTransient, tokenRequestOptions, transportFailure } from './http.js';
import type { TokenResponseData } from './provider-hooks.js';
import { runHook } from './provider-hooks.js';
import { type TokenSet, toTokenSet } from './token-set.js';

export interface AuthorizationRequest {
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  /** Null only for providers that reject PKCE (`skipPkce`). */
  codeVerifier: string | null;
  /** OIDC nonce; null for plain OAuth 2.0. */
  oidcNonce: string | null;
}

export async function authorizationUrl(
  provider: ConfiguredProvider,
  as: oauth.AuthorizationServer,
  request: AuthorizationRequest,
): Promise<URL> {
  if (!as.authorization_endpoint) throw new VaultError('provider_error', 'the provider has no authorization endpoint');
  const url = new URL(as.authorization_endpoint);
  const { spec } = provider;
  const params = url.searchParams;
  params.set('client_id', provider.clientId);
  params.set('redirect_uri', request.redirectUri);
  params.set('response_type', 'code');
  params.set(spec.scopes.param, request.scopes.join(spec.scopes.separator));
  params.set('state', request.state);
  if (request.codeVerifier !== null) {
    params.set('code_challenge', await oauth.calculatePKCECodeChallenge(request.codeVerifier));
    params.set('code_challenge_method', 'S256');
  }
  if (request.oidcNonce !== null) params.set('nonce', request.oidcNonce);
  // OIDC Core §11: offline_access is ignored unless the user is asked for consent, so no refresh token comes back.
  if (spec.type === 'oidc' && request.scopes.includes('offline_access')) params.set('prompt', 'consent');
  for (const [name, value] of Object.entries(spec.extra.authorize)) params.set(name, value);
  return url;
}

export interface CallbackInput {
  /** The query (or form) parameters the provider sent to the redirect URI. */
  params: URLSearchParams;
  state: string;
  redirectUri: string;
  codeVerifier: string | null;
  oidcNonce: string | null;
  /** The vault's clock when the request is sent; expiry is counted from it. */
  requestedAt: number;
}

export interface CodeExchangeResult {
  tokens: TokenSet;
  /** Validated ID token claims (oidc). */
  claims: oauth.IDToken | undefined;
}

/** Validates the authorization response (state, RFC 9207 `iss`), exchanges the code and validates the ID token. */
export async function exchangeCode(
  provider: ConfiguredProvider,
  as: oauth.AuthorizationServer,
  http: ProviderHttp,
  input: CallbackInput,
): Promise<CodeExchangeResult> {
  const client = oauthClient(provider);
  const params = new URLSearchParams(input.params);
  // Without a configured issuer there is nothing to compare an `iss` against (RFC 9207 §2.4 applies to known issuers).
  if (!provider.spec.issuer) params.delete('iss');
  let validated: URLSearchParams;
  try {
    validated = oauth.validateAuthResponse(as, client, params, input.state);
  } catch (err) {
    if (err instanceof oauth.AuthorizationResponseError) {
      const detail = err.error_description ? `: ${err.error_description}` : '';
      throw new VaultError('access_denied', `the provider answered ${err.error}${detail}`, { cause: err });
    }
    throw new VaultError('invalid_state', `the authorization response is invalid: ${(err as Error).message}`, {
      cause: err,
    });
  }

  const hooks = provider.hooks ?? {};
  if (hooks.getTokenData) {
    const getTokenData = hooks.getTokenData;
    const data = await runHook('getTokenData', () =>
      getTokenData({
        ...hookClient(provider, http),
        code: validated.get('code') ?? '',
        codeVerifier: input.codeVerifier,
        redirectUri: input.redirectUri,
        queryParameters: Object.fromEntries(input.params),
      }),
    );
    const credentials = await credentialsFrom(provider, http, data);
    return { tokens: toTokenSet(asTokenResponse(credentials), provider.spec, input.requestedAt), claims: undefined };
  }

  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth(provider),
      validated,
      input.redirectUri,
      input.codeVerifier ?? oauth.nopkce,
      {
        additionalParameters: provider.spec.extra.token,
        ...tokenRequestOptions(http, provider.spec, as.token_endpoint),
      },
    );
    throwIfTransient(response, 'code exchange');
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: input.oidcNonce ?? oauth.expectNoNonce,
      requireIdToken: provider.spec.type === 'oidc',
    });
    // oauth4webapi checks the claims; the signature too, so an ID token is trusted even over loopback http.
    if (result.id_token && as.jwks_uri) {
      await oauth.validateApplicationLevelSignature(as, response, requestOptions(http, as.jwks_uri));
    }
    const credentials = hooks.getCredentialsFromTokenResponse
      ? asTokenResponse(await credentialsFrom(provider, http, result as TokenResponseData))
      : result;
    return {
      tokens: toTokenSet(credentials, provider.spec, input.requestedAt),
      claims: oauth.getValidatedIdTokenClaims(result),
    };
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError && err.error === 'invalid_grant') {
      throw new VaultError('access_denied', 'the provider rejected the authorization code (invalid_grant)', {
        cause: err,
      });
    }
    throw transportFailure(err, 'code exchange');
  }
}

/** A token response through the provider's getCredentialsFromTokenResponse hook, when it has one. */
export async function credentialsFrom(
  provider: ConfiguredProvider,
  http: ProviderHttp,
  data: TokenResponseData,
): Promise<TokenResponseData> {
  const transform = provider.hooks?.getCredentialsFromTokenResponse;
  if (!transform) return data;
  return runHook('getCredentialsFromTokenResponse', () =>
    transform({ ...hookClient(provider, http), tokenResponse: data }),
  );
}

/** A hook's answer as the token response the rest of the engine reads: a token type, a numeric lifetime. */
export function asTokenResponse(data: TokenResponseData): oauth.TokenEndpointResponse & Record<string, unknown> {
  const lifetime = Number(data.expires_in);
  const { expires_in: _, ...rest } = data;
  return {
    ...rest,
    token_type: (data.token_type ?? 'bearer').toLowerCase() as 'bearer',
    ...(Number.isFinite(lifetime) && lifetime > 0 && { expires_in: lifetime }),
  } as oauth.TokenEndpointResponse & Record<string, unknown>;
}
