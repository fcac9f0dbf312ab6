export {
  type AccessKey,
  authressAudience,
  type NewAccessKey,
  parseAccessKey,
  signServiceToken,
} from './access-keys.js';
export {
  type AccessToken,
  type AccessTokenRequest,
  DEFAULT_MIN_VALIDITY_SECONDS,
  FORCED_REFRESH_INTERVAL_SECONDS,
  type ProviderTokenRequest,
  type TokenOptions,
} from './access-tokens.js';
export type { ConnectedAccount } from './accounts.js';
export { type Actor, SYSTEM } from './audit.js';
export type { BackgroundOptions } from './background.js';
export type { BrowserProfile, BrowserSession } from './browser-session.js';
export { type Aead, aad, type Cipher, createCipher, webCryptoAead } from './cipher.js';
export {
  type CompleteConnectInput,
  type CompletedConnect,
  FLOW_TTL_SECONDS,
  type StartConnectInput,
  type StartedConnect,
} from './connect-flow.js';
export { type ConnectSessionInput, MAX_CONNECT_SESSION_SECONDS } from './connect-sessions.js';
export { type ConnectState, decodeState } from './connect-state.js';
export type { DisconnectResult } from './disconnect.js';
export { type ErrorCode, isVaultError, VaultError } from './errors.js';
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
  WILDCARD,
} from './grants.js';
export type { ProviderHttp } from './oauth/http.js';
export { discoverProviders, type ProviderCheck } from './provider-check.js';
export type { HookClient, ProviderHooks, TokenResponseData } from './provider-hooks.js';
export {
  buildProviderSpec,
  isLoopback,
  type ProviderSpec,
  type ProviderSpecInput,
  providerSpecIssues,
  providerSpecSchema,
} from './provider-spec.js';
export { type ConfiguredProvider, createProviderRegistry, type ProviderRegistry } from './providers.js';
export { type ApiSpec, apiSpecSchema } from './proxy/api-spec.js';
export type { ProxyAnswer, ProxyRequest, Upstream, UpstreamAnswer, UpstreamRequest } from './proxy/proxy-call.js';
export { forwardedRequestHeaders, forwardedResponseHeaders } from './proxy/proxy-headers.js';
export type { RefreshResult } from './refresh-engine.js';
export type { RekeyResult } from './rekey.js';
export { mergeScopes, parseScopes } from './scopes.js';
export {
  type ClientDetails,
  type CreatedClient,
  clientCaller,
  type GrantInput,
  type Principal,
} from './service-clients.js';
export type { SessionInput } from './sessions.js';
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
  AccountKey,
  AccountQuery,
  AccountRow,
  AccountStatus,
  AttemptRow,
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
export type { DeliveryOutcome, WebhookRetryPolicy } from './webhook-deliverer.js';
export { signWebhook, verifyWebhook, webhookKey } from './webhook-signature.js';
