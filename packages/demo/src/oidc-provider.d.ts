// oidc-provider ships no type declarations; this covers only what the demo provider uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** A stored artifact (grant, token, session, interaction…) as oidc-provider hands it to an adapter. */
  export interface AdapterPayload {
    [claim: string]: unknown;
    accountId?: string;
    grantId?: string;
    uid?: string;
    consumed?: number;
  }

  /** Storage for one model (`AccessToken`, `RefreshToken`, `Grant`, `Session`, …). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Account {
    accountId: string;
    claims(): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    grant_types: string[];
    response_types: string[];
    token_endpoint_auth_method: string;
  }

  export interface Configuration {
    adapter: (model: string) => Adapter;
    jwks: { keys: object[] };
    cookies: { keys: string[] };
    clients: ClientMetadata[];
    clientAuthMethods: string[];
    scopes: string[];
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    findAccount: (ctx: unknown, sub: string) => Account | Promise<Account>;
    features: {
      devInteractions: { enabled: boolean };
      revocation: {
        enabled: boolean;
        allowedPolicy: (ctx: unknown, client: { clientId: string }, token: { clientId?: string }) => Promise<boolean>;
      };
      userinfo: { enabled: boolean };
    };
    pkce: { required: () => boolean };
    rotateRefreshToken: () => boolean;
    ttl: Record<string, number>;
  }

  /** The parts of oidc-provider's Koa context that event listeners read. */
  export interface EventContext {
    oidc: { params: Record<string, unknown> };
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: 'grant.success', listener: (ctx: EventContext) => void): this;
    on(event: 'refresh_token.saved', listener: (token: { jti: string }) => void): this;
  }
}
