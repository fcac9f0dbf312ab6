export {
  type AccessToken,
  type AccessTokenRequest,
  DEFAULT_MIN_VALIDITY_SECONDS,
  FORCED_REFRESH_INTERVAL_SECONDS,
  type ProviderTokenRequest,
  type TokenOptions,
} from './accounts/access-tokens.js';
export type { ConnectedAccount } from './accounts/accounts.js';
export {
  type CompleteConnectInput,
  type CompletedConnect,
  FLOW_TTL_SECONDS,
  type StartConnectInput,
  type StartedConnect,
} from './accounts/connect-flow.js';
export { type ConnectState, decodeState } from './accounts/connect-state.js';
export type { DisconnectResult } from './accounts/disconnect.js';
export type {
  ExchangeErrorCode,
  TokenExchangeRequest,
  TokenExchangeResult,
} from './accounts/token-exchange.js';
export { type Actor, SYSTEM } from './authorization/audit.js';
export type { BrowserProfile, BrowserSession } from './authorization/browser-session.js';
export { clientCaller, type Principal } from './authorization/client-auth.js';
export { type ConnectSessionInput, MAX_CONNECT_SESSION_SECONDS } from './authorization/connect-sessions.js';
export {
  type Action,
  allows,
  allowsSomewhere,
  authorize,
  authorizeGrant,
  authorizeScopes,
  type Caller,
  type Grant,
  OPERATOR,
  parseGrant,
  proxyCaller,
  type Resource,
  ROLES,
  type Role,
  resources,
  rolesWith,
  type Segment,
  sessionCaller,
  TRUSTED_USER_ACTIONS,
  WILDCARD,
} from './authorization/grants.js';
export type { OperatorLogin, OperatorLoginConfig } from './authorization/operator-login.js';
export {
  OPERATOR_SESSION_MAX_MS,
  type OperatorSession,
  type OperatorSessions,
} from './authorization/operator-sessions.js';
export {
  OPERATOR_ROLES,
  type OperatorIdentity,
  type OperatorRole,
  type OperatorRule,
  operatorCaller,
  operatorMay,
  operatorRoles,
} from './authorization/operators.js';
export type { SessionInput } from './authorization/sessions.js';
export type { TrustedIssuer, TrustedUser } from './authorization/trusted-issuers.js';
export type { BackgroundOptions } from './background.js';
export { authressAudience, type NewAccessKey } from './clients/access-keys.js';
export { type AccessKey, parseAccessKey, signServiceToken } from './clients/client-signing.js';
export type { ClientDetails, CreatedClient, GrantInput } from './clients/service-clients.js';
export { type Aead, aad, type Cipher, createCipher, defaultAead, webCryptoAead } from './crypto/cipher.js';
export type { RekeyResult } from './crypto/rekey.js';
export { type ErrorCode, isVaultError, VaultError } from './errors.js';
export { shownWebhookUrl } from './events/webhook-admin.js';
export type { DeliveryOutcome, WebhookRetryPolicy } from './events/webhook-deliverer.js';
export { signWebhook, verifyWebhook, webhookKey } from './events/webhook-signature.js';
export type { ProviderHttp } from './oauth/http.js';
export type { HookClient, ProviderHooks, TokenResponseData } from './oauth/provider-hooks.js';
export { discoverProviders, type ProviderCheck } from './providers/provider-check.js';
export {
  buildProviderSpec,
  isLoopback,
  PROVIDER_CATEGORIES,
  type ProviderCategory,
  type ProviderSpec,
  type ProviderSpecInput,
  providerSpecIssues,
  providerSpecSchema,
} from './providers/provider-spec.js';
export { type ConfiguredProvider, createProviderRegistry, type ProviderRegistry } from './providers/registry.js';
export { type ApiSpec, apiSpecSchema, secretsNamed } from './proxy/api-spec.js';
export type {
  CallerSignal,
  ProxyAnswer,
  ProxyRequest,
  Upstream,
  UpstreamAnswer,
  UpstreamRequest,
} from './proxy/proxy-call.js';
export {
  forwardedRequestHeaders,
  forwardedResponseHeaders,
  type HeaderRecord,
  headerRecord,
} from './proxy/proxy-headers.js';
export type { RefreshResult } from './refresh/refresh-engine.js';
export { mergeScopes, parseScopes } from './scopes.js';
export type {
  AccountStore,
  AuditStore,
  ClientStore,
  FlowStore,
  LeaseStore,
  MaintenanceStore,
  OutboxStore,
  SessionStore,
  Store,
} from './store.js';
export type {
  AccountChange,
  AccountCount,
  AccountKey,
  AccountQuery,
  AccountRow,
  AccountStatus,
  AttemptRow,
  AuditCount,
  AuditCountQuery,
  AuditQuery,
  AuditRow,
  ClaimedDelivery,
  ClientKeyRow,
  ClientRow,
  ConnectPageLimits,
  ConnectSessionRow,
  DeliveryChange,
  DeliveryQuery,
  DeliveryRow,
  DeliveryStatus,
  EventRow,
  FlowRow,
  GrantRow,
  Outbox,
  SessionLimits,
  SessionRow,
  SweepResult,
} from './store-rows.js';
export { createVault, type Vault, type VaultOptions, type WebhookEndpoint } from './vault.js';
export { redirectUri, type VaultLogger } from './vault-context.js';
