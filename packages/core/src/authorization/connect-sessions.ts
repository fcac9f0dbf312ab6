import { base64url, randomBytes, sha256 } from '../encoding.js';
import { VaultError } from '../errors.js';
import { parseScopes } from '../scopes.js';
import type { SessionStore } from '../store.js';
import type { ConnectSessionRow, SessionLimits } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { auditRow } from './audit.js';
import { authorize, type Caller, heldActions, proxyCaller, resources, SESSION_ACTIONS, WILDCARD } from './grants.js';

/** A connect session lives at most 30 minutes (docs/security.md, "Authorization model"). */
export const MAX_CONNECT_SESSION_SECONDS = 30 * 60;
const DEFAULT_CONNECT_SESSION_SECONDS = 10 * 60;

export interface ConnectSessionInput {
  env: string;
  userId: string;
  provider?: string;
  scopes?: readonly string[];
  expiresInSeconds?: number;
  /** The providers the hosted connect page offers; each must be configured in `env`. */
  allowedProviders?: readonly string[];
  /** Where the hosted connect page sends the user back (the server checks it is on an app origin). */
  returnUrl?: string;
}

/**
 * Connect sessions let an app with its own login bind a browser to its user: its backend asks for a token for
 * the user, its page hands the token to the vault once, and the browser then has a vault session for that user,
 * so the accounts it links attach to that user and no other.
 */
export function createConnectSessions(ctx: VaultContext<SessionStore>) {
  return {
    /**
     * Needs `connect-sessions:create` on the user's accounts of the provider (of every provider when none). The
     * session the browser gets may do no more than `caller` holds on those accounts: a client that may not read
     * the user's tokens cannot read them through a browser session it made.
     */
    async create(input: ConnectSessionInput, caller: Caller) {
      const userId = input.userId;
      if (userId === '' || userId.length > 512)
        throw new VaultError('invalid_request', 'userId is 1 to 512 characters');
      const provider = input.provider ?? WILDCARD;
      authorize(caller, 'connect-sessions:create', resources.account(input.env, provider, userId));
      if (input.provider !== undefined) ctx.providers.get(input.env, input.provider); // not_found if unknown
      for (const id of input.allowedProviders ?? []) ctx.providers.get(input.env, id);
      if (input.provider !== undefined && input.allowedProviders && !input.allowedProviders.includes(input.provider)) {
        throw new VaultError(
          'invalid_request',
          `allowedProviders must include the session's provider ${input.provider}`,
        );
      }
      const seconds = input.expiresInSeconds ?? DEFAULT_CONNECT_SESSION_SECONDS;
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_CONNECT_SESSION_SECONDS) {
        throw new VaultError('invalid_request', `expiresInSeconds is 1 to ${MAX_CONNECT_SESSION_SECONDS}`);
      }
      const token = base64url(randomBytes(32));
      const now = ctx.now();
      const row: ConnectSessionRow = {
        id: await sha256(token),
        env: input.env,
        userId,
        provider: input.provider ?? null,
        scopes: parseScopes(input.scopes),
        createdBy: caller.principal,
        actions: heldActions(proxyCaller(caller), SESSION_ACTIONS, (action) =>
          action === 'credentials:read'
            ? resources.credentials(input.env, provider, userId)
            : action === 'proxy:read' || action === 'proxy:write'
              ? resources.proxy(input.env, provider, userId)
              : resources.account(input.env, provider, userId),
        ),
        allowedProviders: input.allowedProviders ? [...new Set(input.allowedProviders)] : null,
        returnUrl: input.returnUrl ?? null,
        createdAt: now,
        expiresAt: now + seconds * 1000,
      };
      const detail = {
        ...{ provider: row.provider, scopes: row.scopes, actions: row.actions, expiresAt: row.expiresAt },
        ...(row.allowedProviders && { allowedProviders: row.allowedProviders }),
        ...(row.returnUrl && { returnUrl: row.returnUrl }),
      };
      await ctx.store.insertConnectSession(row, [
        auditRow(caller, now, {
          env: input.env,
          action: 'connect_session.created',
          result: 'ok',
          userId,
          ...(input.provider !== undefined && { provider: input.provider }),
          detail,
        }),
      ]);
      return {
        token,
        expiresAt: row.expiresAt,
        provider: row.provider,
        scopes: row.scopes,
        actions: row.actions,
        allowedProviders: row.allowedProviders,
        returnUrl: row.returnUrl,
      };
    },

    /**
     * Uses the token up: the same token a second time, an expired one or a forged one is `unauthorized`. Answers
     * the session's user and the limits the browser session it becomes must carry.
     */
    async redeem(token: string): Promise<ConnectSessionRow & { limits: SessionLimits }> {
      const row = token ? await ctx.store.takeConnectSession(await sha256(token)) : undefined;
      if (!row || row.expiresAt <= ctx.now()) {
        throw new VaultError('unauthorized', 'the connect-session token is unknown, used or expired');
      }
      const { createdBy, provider, scopes, actions } = row;
      return { ...row, limits: { createdBy, provider, scopes, actions } };
    },
  };
}

export type ConnectSessions = ReturnType<typeof createConnectSessions>;
