import type { Principal } from '../authorization/client-auth.js';
import type { ConnectSessions } from '../authorization/connect-sessions.js';
import { allows, type Caller, resources, type Segment, WILDCARD } from '../authorization/grants.js';
import type { TrustedIssuers, TrustedUser } from '../authorization/trusted-issuers.js';
import { isVaultError, type VaultError } from '../errors.js';
import { parseScopes } from '../scopes.js';
import type { AccountStore } from '../store.js';
import type { VaultContext } from '../vault-context.js';
import type { AccessToken, AccessTokens } from './access-tokens.js';

/** The request of RFC 8693 §2.1, as the vault takes it (docs/agents.md, "Token exchange"). */
export interface TokenExchangeRequest {
  /** A user JWT from a trusted issuer: whom the token is for. */
  subjectToken: string;
  /** A service-client JWT: the agent or backend acting for that user. */
  actorToken: string;
  /** `urn:tokenvault:provider:<id>` (the user's best account of it) or `urn:tokenvault:account:<id>`. */
  resource: string;
  /** Provider scopes the account must hold; space-separated. */
  scope?: string;
  requestId?: string | null;
}

/** RFC 6749 §5.2 and RFC 8693 §2.2.2 error codes the exchange answers. */
export type ExchangeErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'invalid_target'
  | 'invalid_scope'
  | 'temporarily_unavailable';

export type TokenExchangeResult =
  | { ok: true; token: AccessToken }
  | {
      ok: false;
      error: ExchangeErrorCode;
      description: string;
      /** A connect session for the user (and provider), when connecting an account would make the exchange work. */
      connectToken?: string;
      retryAfter?: number;
    };

const PROVIDER_URN = 'urn:tokenvault:provider:';
const ACCOUNT_URN = 'urn:tokenvault:account:';

/**
 * Token exchange: an actor (a service client holding `credentials:exchange` on the user's credentials) trades a
 * trusted user JWT for an access token of that user's account. Audited as `credentials.exchange`, with the actor as
 * principal and the user as subject. When the user has no such account, or it lacks the scopes, the answer carries a
 * connect session the actor can hand the user, created with no more than linking rights.
 */
export function createTokenExchange(
  ctx: VaultContext<Pick<AccountStore, 'getAccount'>>,
  parts: {
    trustedIssuers: TrustedIssuers;
    clients: { authenticate(token: string): Promise<Principal> };
    tokens: AccessTokens;
    connectSessions: ConnectSessions;
  },
) {
  return async function exchange(request: TokenExchangeRequest): Promise<TokenExchangeResult> {
    const target = parseResource(request.resource);
    if (!target) {
      return refuse('invalid_request', `resource must be ${PROVIDER_URN}<id> or ${ACCOUNT_URN}<id>`);
    }
    const scopes = parseScopes(request.scope);
    let user: TrustedUser;
    try {
      user = await parts.trustedIssuers.verify(request.subjectToken);
    } catch (err) {
      return refuse('invalid_grant', `subject_token: ${messageOf(err)}`);
    }
    let actor: Principal;
    try {
      actor = await parts.clients.authenticate(request.actorToken);
    } catch (err) {
      return refuse('invalid_client', `actor_token: ${messageOf(err)}`);
    }
    if (actor.env !== user.env) {
      return refuse('invalid_grant', 'subject_token names a user of another environment than the actor’s');
    }
    const caller: Caller = {
      principal: `client:${actor.clientId}`,
      keyId: actor.keyId,
      requestId: request.requestId ?? null,
      may: (action, resource) => allows(actor, action, resource),
    };
    const kind = {
      action: 'credentials:exchange',
      audited: 'credentials.exchange',
      detail: { subject: `user:${user.userId}`, issuer: user.issuer, actor: caller.principal },
    } as const;
    const base = { env: user.env, userId: user.userId, scopes };
    try {
      const token =
        'provider' in target
          ? await parts.tokens.getForProvider({ ...base, provider: target.provider }, caller, kind)
          : await parts.tokens.get({ ...base, accountId: target.accountId }, caller, kind);
      return { ok: true, token };
    } catch (err) {
      if (!isVaultError(err)) throw err;
      return failure(err, user, actor, target, scopes);
    }
  };

  async function failure(
    err: VaultError,
    user: TrustedUser,
    actor: Principal,
    target: Target,
    scopes: string[],
  ): Promise<TokenExchangeResult> {
    switch (err.code) {
      case 'forbidden':
        return refuse('unauthorized_client', 'the actor holds no credentials:exchange grant on this user’s account');
      case 'not_found':
      case 'needs_reauth':
      case 'missing_scopes': {
        const provider = await providerOf(user, target);
        const connectToken = await connectLink(user, actor, provider, scopes);
        const error = err.code === 'missing_scopes' ? 'invalid_scope' : 'invalid_target';
        return { ok: false, error, description: err.message, ...(connectToken && { connectToken }) };
      }
      case 'provider_unavailable':
        return {
          ok: false,
          error: 'temporarily_unavailable',
          description: err.message,
          ...(err.retryAfter !== undefined && { retryAfter: err.retryAfter }),
        };
      default:
        throw err;
    }
  }

  /** The provider an account target belongs to, when it is the user's; a provider target's own. */
  async function providerOf(user: TrustedUser, target: Target): Promise<string | undefined> {
    if ('provider' in target) return target.provider;
    return (await ctx.store.getAccount(user.env, user.userId, target.accountId))?.provider;
  }

  /**
   * A connect session for the user, by the actor, where it may exchange that provider's tokens: asking the user to
   * connect is part of acting for them. It carries no read rights (the actor holds none), so the browser may only link.
   */
  async function connectLink(
    user: TrustedUser,
    actor: Principal,
    provider: string | undefined,
    scopes: string[],
  ): Promise<string | undefined> {
    if (provider !== undefined && !ctx.providers.list(user.env).some((p) => p.id === provider)) return undefined;
    const linker: Caller = {
      principal: `client:${actor.clientId}`,
      keyId: actor.keyId,
      may: (action, resource) =>
        action === 'connect-sessions:create' &&
        allows(actor, 'credentials:exchange', {
          env: resource.env,
          path: [...resource.path.slice(0, 4), 'credentials'],
        }),
    };
    const input = { env: user.env, userId: user.userId, ...(provider !== undefined && { provider, scopes }) };
    const wanted: Segment = provider ?? WILDCARD;
    if (!linker.may('connect-sessions:create', resources.account(user.env, wanted, user.userId))) return undefined;
    return (await parts.connectSessions.create(input, linker)).token;
  }
}

type Target = { provider: string } | { accountId: string };

function parseResource(resource: string): Target | undefined {
  if (resource.startsWith(PROVIDER_URN) && resource.length > PROVIDER_URN.length) {
    return { provider: resource.slice(PROVIDER_URN.length) };
  }
  if (resource.startsWith(ACCOUNT_URN) && resource.length > ACCOUNT_URN.length) {
    return { accountId: resource.slice(ACCOUNT_URN.length) };
  }
  return undefined;
}

function refuse(error: ExchangeErrorCode, description: string): TokenExchangeResult {
  return { ok: false, error, description };
}

/** A refusal's reason; anything but a vault error is a bug and goes on up. */
function messageOf(err: unknown): string {
  if (isVaultError(err, 'unauthorized')) return err.message;
  throw err;
}

export type TokenExchange = ReturnType<typeof createTokenExchange>;
