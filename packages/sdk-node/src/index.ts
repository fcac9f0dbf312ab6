export { type AccessKey, parseAccessKey } from './access-key.js';
export { createVaultClient } from './client.js';
export { isVaultClientError, VaultClientError, type VaultClientErrorCode } from './errors.js';
export type { Result } from './result.js';
export { signServiceToken } from './service-token.js';
export type {
  AccessToken,
  AccessTokenError,
  AccessTokenErrorCode,
  AccessTokenOptions,
  AccessTokenResult,
  AccountSelector,
  AccountStatus,
  ConnectedAccount,
  ConnectSession,
  ConnectSessionOptions,
  Disconnected,
  DisconnectResult,
  NotConnected,
  VaultAccount,
  VaultClient,
  VaultClientOptions,
  VaultUser,
} from './types.js';
export { type VerifyWebhookOptions, verifyWebhook, type WebhookEvent, type WebhookHeaders } from './webhooks.js';
