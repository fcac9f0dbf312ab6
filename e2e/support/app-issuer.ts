import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loginWithoutBrowser } from '@tokenvault/demo';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { Provider } from 'oidc-provider';

export const APP_CLIENT_ID = 'my-app';
const APP_SECRET = 'app-secret';
const APP_REDIRECT = 'http://app.test/callback';

/**
 * The app's own identity provider: a real oidc-provider whose ID tokens name the app's users, on a port of its
 * own. `rotate()` puts a new signing key first in its JWKS (the old one stays listed, as in a real rotation) by
 * swapping in a new Provider on the same server. It counts how often its JWKS is fetched.
 */
export interface AppIssuer {
  issuer: string;
  jwksFetches: number;
  /** An ID token for `login`, through the provider's real login and consent pages and its token endpoint. */
  idToken(login: string): Promise<string>;
  /** A JWT signed with the current signing key, with any claims and header fields the test chooses. */
  sign(claims: JWTPayload, header?: { kid?: string; alg?: string }): Promise<string>;
  /** The current signing key's public JWK. */
  publicJwk(): JWK;
  rotate(): Promise<void>;
  close(): Promise<void>;
}

interface SigningKey {
  privateJwk: JWK;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateJwk, privateKey, publicJwk };
}

export async function startAppIssuer(): Promise<AppIssuer> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let keys = [await newKey('key-1')];
  let handle = providerFor(issuer, keys).callback();
  const state = { jwksFetches: 0 };
  server.on('request', (req, res) => {
    if (req.url?.split('?')[0] === '/jwks') state.jwksFetches += 1;
    res.setHeader('connection', 'close');
    handle(req, res);
  });
  const current = () => keys[0] as SigningKey;

  return {
    issuer,
    get jwksFetches() {
      return state.jwksFetches;
    },
    async idToken(login) {
      const verifier = randomBytes(32).toString('base64url');
      const authorize = new URL(`${issuer}/auth`);
      authorize.search = new URLSearchParams({
        client_id: APP_CLIENT_ID,
        redirect_uri: APP_REDIRECT,
        response_type: 'code',
        scope: 'openid',
        state: randomBytes(8).toString('hex'),
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      const back = new URL(await loginWithoutBrowser(authorize.href, { login }));
      const code = back.searchParams.get('code');
      if (!code) throw new Error(`the app issuer answered ${back.search}`);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${APP_CLIENT_ID}:${APP_SECRET}`).toString('base64')}` },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: APP_REDIRECT,
          code_verifier: verifier,
        }),
      });
      const body = (await response.json()) as { id_token?: string };
      if (!body.id_token) throw new Error(`no id_token: ${JSON.stringify(body)}`);
      return body.id_token;
    },
    sign(claims, header = {}) {
      const { kid, alg } = { kid: current().publicJwk.kid, alg: 'RS256', ...header };
      return new SignJWT(claims).setProtectedHeader({ alg, ...(kid && { kid }) }).sign(current().privateKey);
    },
    publicJwk: () => current().publicJwk,
    async rotate() {
      keys = [await newKey(`key-${keys.length + 1}`), ...keys];
      handle = providerFor(issuer, keys).callback();
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function providerFor(issuer: string, keys: SigningKey[]): Provider {
  const warn = console.warn;
  // oidc-provider warns on each construction that devInteractions are on; here they are the login page.
  console.warn = () => {};
  try {
    return new Provider(issuer, {
      jwks: { keys: keys.map((key) => key.privateJwk) },
      clients: [
        {
          client_id: APP_CLIENT_ID,
          client_secret: APP_SECRET,
          redirect_uris: [APP_REDIRECT],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['app-issuer-cookie-key'] },
      ttl: { AccessToken: 600, IdToken: 3600, Interaction: 600, Session: 600, Grant: 600 },
    } as never);
  } finally {
    console.warn = warn;
  }
}
