import { type AccessTokenRequest, createAccessTokens } from './accounts/access-tokens.js';
import { authorizedAccount, toConnectedAccount } from './accounts/accounts.js';
import {
  type CompleteConnectInput,
  completeConnect,
  type StartConnectInput,
  startConnect,
} from './accounts/connect-flow.js';
import { disconnect } from './accounts/disconnect.js';
import { forceRefresh } from './accounts/force-refresh.js';
import { createTokenExchange } from './accounts/token-exchange.js';
import { type Actor, createAuditWriter } from './authorization/audit.js';
import { browserSession } from './authorization/browser-session.js';
import { createConnectSessions } from './authorization/connect-sessions.js';
import { type Caller, resources, type Segment } from './authorization/grants.js';
import { createOperatorLogin, type OperatorLoginConfig } from './authorization/operator-login.js';
import { createOperatorSessions } from './authorization/operator-sessions.js';
import { createSessions } from './authorization/sessions.js';
import { createTrustedIssuers, type TrustedIssuer } from './authorization/trusted-issuers.js';
import { type BackgroundOptions, startBackground } from './background.js';
import { createServiceClients } from './clients/service-clients.js';
import type { Cipher } from './crypto/cipher.js';
import { unconfiguredMasterKeys } from './crypto/master-key-check.js';
import { type RekeyResult, rekeyCredentials } from './crypto/rekey.js';
import { randomId } from './encoding.js';
import { createWebhookAdmin } from './events/webhook-admin.js';
import { createWebhookDeliverer, DEFAULT_WEBHOOK_RETRY, type WebhookRetryPolicy } from './events/webhook-deliverer.js';
import { type ProviderHttp, providerHttp } from './oauth/http.js';
import { checkProviders } from './providers/provider-check.js';
import type { ProviderRegistry } from './providers/registry.js';
import { createProxy } from './proxy/proxy-call.js';
import { createRefreshEngine } from './refresh/refresh-engine.js';
import type { Store } from './store.js';
import type { AccountQuery, AuditCountQuery, AuditQuery, DeliveryQuery } from './store-rows.js';
import type { VaultContext, VaultLogger, Webhooks } from './vault-context.js';
import { createVaultMetrics } from './vault-metrics.js';

export interface WebhookEndpoint {
  url: string;
  /** `whsec_…` (base64 key, as Standard Webhooks libraries expect) or any other string, used as its UTF-8 bytes. */
  secret: string;
}

export interface VaultOptions {
  store: Store;
  cipher: Cipher;
  providers: ProviderRegistry;
  /** Where browsers reach the vault, e.g. `http://127.0.0.1:7007`. */
  publicUrl: string;
  /** How providers are reached; defaults to global fetch with a 10 s timeout. */
  http?: Partial<ProviderHttp>;
  /** Webhook endpoints per environment. */
  webhooks?: Record<string, readonly WebhookEndpoint[]>;
  webhookRetry?: Partial<WebhookRetryPolicy>;
  logger?: VaultLogger;
  /** Per environment: the identity providers whose user JWTs the `/v1/me` routes and token exchange accept. */
  trustedIssuers?: Record<string, readonly TrustedIssuer[]>;
  /** How long audit rows are kept; default 365 days. */
  auditRetentionDays?: number;
  now?: () => number;
}

const DEFAULT_AUDIT_RETENTION_DAYS = 365;

const silent: VaultLogger = { info() {}, warn() {}, error() {} };

/** The vault's operations over a store, a cipher and the configured providers. */
export function createVault(options: VaultOptions) {
  const http = providerHttp(options.http);
  // A lease outlives the slowest refresh: discovery and the token call, each up to the timeout, and the commit.
  const leaseMs = 3 * http.timeoutMs;
  const ctx: VaultContext = {
    store: options.store,
    cipher: options.cipher,
    providers: options.providers,
    http,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    now: options.now ?? Date.now,
    instanceId: randomId('vault'),
    webhooks: webhookRegistry(options.webhooks ?? {}),
    metrics: createVaultMetrics(),
    log: options.logger ?? silent,
    timing: { leaseMs, waitMs: leaseMs + 5_000 },
    audit: createAuditWriter(options.store),
    auditRetentionDays: options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
  };
  const engine = createRefreshEngine(ctx);
  const deliverer = createWebhookDeliverer(ctx, { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry });
  const webhookAdmin = createWebhookAdmin(ctx, deliverer);
  const tokens = createAccessTokens(ctx, engine);
  const clients = createServiceClients(ctx);
  const trustedIssuers = createTrustedIssuers(ctx, options.trustedIssuers ?? {});
  const connectSessions = createConnectSessions(ctx);
  return {
    publicUrl: ctx.publicUrl,
    /** The vault's clock (tests move it), for callers that compare against stored times. */
    now: ctx.now,
    providers: ctx.providers,
    store: ctx.store,
    metrics: ctx.metrics,
    sessions: createSessions(ctx.store, ctx.now),
    clients,
    /** Verifies the app's user JWTs (docs/security.md, "Trusted issuers"). */
    trustedIssuers,
    connectSessions,
    /** RFC 8693 token exchange: an agent trades a user's JWT for that user's access token (docs/agents.md). */
    exchangeToken: createTokenExchange(ctx, { trustedIssuers, clients, tokens, connectSessions }),
    startConnect: (input: StartConnectInput) => startConnect(ctx, input),
    completeConnect: (input: CompleteConnectInput) => completeConnect(ctx, input),
    /** A token of one account, authorized for `caller` and audited. */
    getAccessToken: tokens.get,
    /** A token of the user's best account of a provider (healthy, holding the scopes, most recently linked). */
    getProviderAccessToken: tokens.getForProvider,
    /** Calls the provider's API as an account through `upstream`, injecting its token; audited (docs/proxy.md). */
    proxy: createProxy(ctx, engine, tokens),
    /** The browser protocol's `/refresh`: the token with the account's ID token and profile. */
    browserSession: (request: AccessTokenRequest, caller: Caller) => browserSession(ctx, tokens, request, caller),
    /** The user's accounts that `caller` may read. */
    async listAccounts(env: string, userId: string, caller: Caller) {
      const rows = await ctx.store.listAccounts(env, userId);
      return rows
        .filter((row) => caller.may('connections:read', resources.account(env, row.provider, userId)))
        .map(toConnectedAccount);
    },
    async getAccount(env: string, userId: string, accountId: string, caller: Caller) {
      const resourceOf = (provider: Segment) => resources.account(env, provider, userId);
      const account = { env, userId, accountId };
      return toConnectedAccount(await authorizedAccount(ctx, caller, 'connections:read', resourceOf, account));
    },
    /** Accounts of every user of the environment, e.g. those that need re-authentication. */
    async listAllAccounts(env: string, query: AccountQuery) {
      return (await ctx.store.listAllAccounts(env, query)).map((row) => ({
        userId: row.userId,
        ...toConnectedAccount(row),
      }));
    },
    disconnect: (account: { env: string; userId: string; accountId: string }, caller: Caller) =>
      disconnect(ctx, account, caller),
    /** Refreshes the account now, whatever its expiry (the dashboard's "refresh now"); audited. */
    forceRefresh: (account: { env: string; userId: string; accountId: string }, caller: Caller) =>
      forceRefresh(ctx, engine, account, caller),
    /** An account's events in order, once the caller may read the account. */
    async listAccountEvents(account: { env: string; userId: string; accountId: string }, caller: Caller) {
      const resourceOf = (provider: Segment) => resources.account(account.env, provider, account.userId);
      const row = await authorizedAccount(ctx, caller, 'connections:read', resourceOf, account);
      return ctx.store.listEvents(row.id);
    },
    /** Operators' sign-in at their own OpenID provider (the dashboard). */
    operatorLogin: (config: OperatorLoginConfig) => createOperatorLogin(ctx, config),
    /** Operators' sessions, ending after `idleMs` without a request. */
    operatorSessions: (idleMs: number) => createOperatorSessions(ctx, idleMs),
    /** The audit log, newest first. */
    listAudit: (env: string, query: AuditQuery) => ctx.store.listAudit(env, query),
    /** Audit rows of some actions counted per time bucket (the dashboard's charts). */
    countAudit: (env: string, query: AuditCountQuery) => ctx.store.countAudit(env, query),
    /** The environment's accounts by provider and status; `due`: to be refreshed by `dueBefore`. */
    countAccounts: (env: string, dueBefore: number) => ctx.store.countAccounts(env, dueBefore),
    /** One scheduler pass (what the background loop runs); results per account. */
    refreshDue: (batch: { limit: number; concurrency: number }) => engine.refreshDue(batch),
    /** One webhook pass (what the background loop runs). */
    deliverWebhooks: (batch: { limit: number; concurrency: number }) => deliverer.deliverDue(batch),
    /** Deliveries newest first, each with its attempts. */
    async listDeliveries(env: string, query: DeliveryQuery) {
      const deliveries = await ctx.store.listDeliveries(env, query);
      const attempts = await ctx.store.listAttempts(deliveries.map((d) => d.id));
      return deliveries.map((d) => ({ ...d, attempts: attempts.filter((a) => a.deliveryId === d.id) }));
    },
    /** The environment's webhook endpoints: an id, the URL without what may be secret, the events they get. */
    webhookEndpoints: (env: string) => webhookAdmin.endpoints(env),
    /** Posts a signed test event to one endpoint now (audited as `webhook.test`); says how it answered. */
    sendTestWebhook: (env: string, endpointId: string, actor: Actor) => webhookAdmin.sendTest(env, endpointId, actor),
    /** Puts one delivery back in the queue, due now (audited as `webhook.retry`); 404 if unknown or being posted. */
    retryDelivery: (env: string, deliveryId: string, actor: Actor) => webhookAdmin.retry(env, deliveryId, actor),
    startBackground: (background: BackgroundOptions) => startBackground(ctx, engine, deliverer, background),
    /**
     * Ends this process's work cleanly, once its server and background loop have stopped and before the store
     * closes: refreshes in flight complete, queued audit rows are written, and the leases of claimed work never
     * begun are given back (returns how many), so other processes take it over at once.
     */
    async settle(): Promise<number> {
      await engine.settle();
      await ctx.audit.drained();
      return ctx.store.releaseLeases(ctx.instanceId);
    },
    /** Re-encrypts every credential still under an older master key with the current one (`keys rotate`). */
    rekey: (progress?: (done: RekeyResult) => void) => rekeyCredentials(ctx, progress),
    /** Master key ids that stored credentials need but the configuration lacks, with how many accounts each. */
    unconfiguredMasterKeys: () => unconfiguredMasterKeys(ctx.store, ctx.cipher),
    /** Fetches every provider's discovery document now, so a bad issuer shows at start, not at the first connect. */
    checkProviders: (envs: readonly string[]) => checkProviders(ctx, envs),
  };
}

export type Vault = ReturnType<typeof createVault>;

function webhookRegistry(endpoints: Record<string, readonly WebhookEndpoint[]>): Webhooks {
  const byEnv = new Map(Object.entries(endpoints));
  return {
    urls: (env) => (byEnv.get(env) ?? []).map((w) => w.url),
    secret: (env, url) => byEnv.get(env)?.find((w) => w.url === url)?.secret,
  };
}
