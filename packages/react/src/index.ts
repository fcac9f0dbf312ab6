export { ConnectButton, type ConnectButtonProps } from './connect-button.js';
export { type AccessTokenState, type UseAccessTokenOptions, useAccessToken } from './use-access-token.js';
export { type ConnectedAccountsState, useConnectedAccounts } from './use-connected-accounts.js';
export { type LinkAccount, type LinkResult, type LinkState, useLinkAccount } from './use-link-account.js';
export { useVault, VaultProvider } from './vault-context.js';
