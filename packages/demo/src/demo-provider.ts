/// <reference path="./oidc-provider.d.ts" />
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Configuration, Provider } from 'oidc-provider';
import { openStateStore, type StateStore } from './file-adapter.js';

/** A confidential client registered with the demo provider. */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/** How to run the demo provider. */
export interface DemoProviderOptions {
  /** Default '127.0.0.1': the demo provider is for loopback use only. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  clients: DemoClient[];
  /** Default 120, short so that refreshes happen while you watch. */
  accessTokenTtlSeconds?: number;
  /** Default 14 days. */
  refreshTokenTtlSeconds?: number;
  /** When set, grants, tokens, sessions and keys are kept in this JSON file (mode 0600) and survive a restart. */
  dataFile?: string;
  /**
   * Accept any http:// redirect URI on a loopback host (127.0.0.1, ::1, localhost), any port and path, from every
   * client: so a vault run with its own config (any publicUrl on this machine, any provider id) can connect to it.
   */
  anyLoopbackRedirect?: boolean;
  /**
   * The groups of some logins, sent as their `groups` claim with the `profile` scope (in the ID token too), as
   * Okta, Entra ID and Keycloak can send it: for trying the dashboard's group mapping.
   */
  groups?: Readonly<Record<string, readonly string[]>>;
}

/** A running demo provider. */
export interface DemoProvider {
  /** The listening URL, e.g. http://127.0.0.1:PORT, with no trailing slash. */
  readonly issuer: string;
  /** Counted at the token endpoint: every POST, and the grants that succeeded by type. */
  readonly stats: { tokenRequests: number; refreshGrants: number; authorizationCodeGrants: number };
  /** Every refresh token value this running instance issued, oldest first. */
  issuedRefreshTokens(): string[];
  /** Revokes every grant of the user, as if they withdrew access at the provider. */
  revokeAll(accountId: string): Promise<void>;
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60;

/**
 * Starts a real OpenID provider (oidc-provider) whose login page accepts any username and password.
 * Every client must use PKCE (S256); refresh tokens are issued for `offline_access` with `prompt=consent`
 * and rotate on every use, and reusing a rotated one revokes the whole grant.
 */
export async function startDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  // Listen first: with port 0 the issuer is only known once the port is.
  server.listen(options.port ?? 0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  try {
    const store = openStateStore(options.dataFile);
    const provider = withoutDevInteractionsWarning(() => new Provider(issuer, configuration(options, store)));
    if (options.anyLoopbackRedirect) allowAnyLoopbackRedirect(provider);
    return serve(server, provider, store);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

function serve(server: Server, provider: Provider, store: StateStore): DemoProvider {
  const stats = { tokenRequests: 0, refreshGrants: 0, authorizationCodeGrants: 0 };
  const refreshTokens: string[] = [];

  // Opaque refresh tokens are saved under their own value, so the saved token's jti is what the client received.
  provider.on('refresh_token.saved', (token) => refreshTokens.push(token.jti));
  provider.on('grant.success', (ctx) => {
    const grantType = ctx.oidc.params.grant_type;
    if (grantType === 'refresh_token') stats.refreshGrants += 1;
    if (grantType === 'authorization_code') stats.authorizationCodeGrants += 1;
  });

  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.method === 'POST' && req.url?.split('?')[0] === '/token') stats.tokenRequests += 1;
    // No keep-alive: a client's pooled socket to a closed instance would otherwise hit a restarted one on the same port.
    res.setHeader('connection', 'close');
    handle(req, res);
  });

  return {
    issuer: provider.issuer,
    stats,
    issuedRefreshTokens: () => [...refreshTokens],
    revokeAll: async (accountId) => store.revokeAccount(accountId),
    close: () => closeServer(server),
  };
}

function configuration(options: DemoProviderOptions, store: StateStore): Configuration {
  const refreshTokenTtl = options.refreshTokenTtlSeconds ?? 14 * DAY;
  return {
    adapter: store.adapterFor,
    jwks: store.secrets.jwks,
    cookies: { keys: store.secrets.cookieKeys },
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // oidc-provider accepts client_secret_post as well from a client registered for client_secret_basic.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'groups'], email: ['email', 'email_verified'] },
    // Put name and email in the id_token even though an access token is issued too.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({
        ...{ sub, name: sub, email: `${sub}@demo.tokenvault.local`, email_verified: true },
        ...(options.groups && Object.hasOwn(options.groups, sub) && { groups: [...(options.groups[sub] ?? [])] }),
      }),
    }),
    features: {
      devInteractions: { enabled: true },
      // A client may revoke only its own tokens; others' are silently left alone, as RFC 7009 allows.
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      userinfo: { enabled: true },
    },
    pkce: { required: () => true },
    rotateRefreshToken: () => true,
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 120,
      RefreshToken: refreshTokenTtl,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 14 * DAY,
      // The grant bounds the whole refresh token chain, so it must outlive any single refresh token.
      Grant: Math.max(refreshTokenTtl, 365 * DAY),
    },
  };
}

// oidc-provider warns on every construction that devInteractions are on; here they are the point.
function withoutDevInteractionsWarning<T>(build: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('devInteractions')) warn(...args);
  };
  try {
    return build();
  } finally {
    console.warn = warn;
  }
}

async function closeServer(server: Server): Promise<void> {
  const closed = once(server, 'close');
  server.close();
  await closed;
}

/** oidc-provider asks each client whether a redirect URI is allowed; here every loopback http(s) URI is. */
function allowAnyLoopbackRedirect(provider: Provider): void {
  const client = (provider as unknown as { Client: { prototype: { redirectUriAllowed(value: string): boolean } } })
    .Client;
  client.prototype.redirectUriAllowed = (value: string) => isLoopbackRedirect(value);
}

export function isLoopbackRedirect(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return (url.protocol === 'http:' || url.protocol === 'https:') && loopback && !url.username && !url.password;
}
