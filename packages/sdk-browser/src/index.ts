export type {
  AccessTokenData,
  AccessTokenError,
  AccessTokenErrorCode,
  AccessTokenOptions,
  AccessTokenResult,
  AccessTokenSource,
  AccountStatus,
  ConnectedAccount,
  ConnectedAccountData,
  ConnectedAccountsSnapshot,
  ConnectedAccountsStore,
  DisconnectResult,
  LinkOptions,
} from './account-types.js';
export { createVault } from './create-vault.js';
export {
  PopupBlockedError,
  PopupClosedError,
  RejectedError,
  VaultAuthError,
  type VaultAuthErrorCode,
} from './errors.js';
export {
  type ConnectPageResult,
  type ConnectSessionLike,
  type OpenConnectOptions,
  openConnect,
} from './open-connect.js';
export type {
  AuthOptions,
  AuthRequestOptions,
  ConnectSessionBinding,
  MyConnectSessionOptions,
  ProfileInfo,
  Vault,
  VaultAuth,
  VaultOptions,
} from './types.js';
