import * as oauth from 'oauth4webapi';
import { type DemoClient, loginWithoutBrowser } from '../src/index.js';

// The demo provider speaks plain HTTP on loopback.
const insecure = { [oauth.allowInsecureRequests]: true };

/** A relying party for the demo provider, built on oauth4webapi. */
export interface TestClient {
  as: oauth.AuthorizationServer;
  /** Runs the code + PKCE flow for `login` and returns the token response. */
  connect(login: string): Promise<oauth.TokenEndpointResponse>;
  /** The URL the provider redirects to after login, with the PKCE verifier and state it was started with. */
  authorize(login: string, options?: AuthorizeOptions): Promise<Authorization>;
  /** Redeems the code in an authorization's callback. */
  exchange(authorization: Authorization, auth?: ClientAuthMethod): Promise<oauth.TokenEndpointResponse>;
  refresh(refreshToken: string, auth?: ClientAuthMethod): Promise<oauth.TokenEndpointResponse>;
  /** Revokes a token at the RFC 7009 endpoint. */
  revoke(token: string): Promise<void>;
}

export type ClientAuthMethod = 'basic' | 'post';

export interface AuthorizeOptions {
  consent?: boolean;
  /** Extra or overriding authorization request parameters; an empty value removes the parameter. */
  params?: Record<string, string>;
}

export interface Authorization {
  callback: URL;
  codeVerifier: string;
  state: string;
}

export async function testClient(issuer: string, demo: DemoClient): Promise<TestClient> {
  const issuerUrl = new URL(issuer);
  const as = await oauth.processDiscoveryResponse(issuerUrl, await oauth.discoveryRequest(issuerUrl, insecure));
  const client: oauth.Client = { client_id: demo.clientId };
  const redirectUri = demo.redirectUris[0] ?? '';

  const authorize = async (login: string, options: AuthorizeOptions = {}): Promise<Authorization> => {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(as.authorization_endpoint ?? '');
    const params = {
      client_id: demo.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile email offline_access',
      prompt: 'consent',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...options.params,
    };
    for (const [name, value] of Object.entries(params)) if (value !== '') url.searchParams.set(name, value);
    const callback = await loginWithoutBrowser(url.href, { login, consent: options.consent ?? true });
    return { callback: new URL(callback), codeVerifier, state };
  };

  const clientAuth = (method: ClientAuthMethod): oauth.ClientAuth =>
    method === 'basic' ? oauth.ClientSecretBasic(demo.clientSecret) : oauth.ClientSecretPost(demo.clientSecret);

  const exchange = async (authorization: Authorization, auth: ClientAuthMethod = 'basic') => {
    const { callback, codeVerifier, state } = authorization;
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth(auth),
      params,
      redirectUri,
      codeVerifier,
      insecure,
    );
    return oauth.processAuthorizationCodeResponse(as, client, response);
  };

  const refresh = async (refreshToken: string, auth: ClientAuthMethod = 'basic') => {
    const response = await oauth.refreshTokenGrantRequest(as, client, clientAuth(auth), refreshToken, insecure);
    return oauth.processRefreshTokenResponse(as, client, response);
  };

  const revoke = async (token: string) => {
    const response = await oauth.revocationRequest(as, client, clientAuth('basic'), token, insecure);
    await oauth.processRevocationResponse(response);
  };

  const connect = async (login: string) => exchange(await authorize(login));

  return { as, connect, authorize, exchange, refresh, revoke };
}
