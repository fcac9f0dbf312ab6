import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * LiveChat (customer chat; also Text's HelpDesk, which shares its accounts): authorization code grant for
 * server-side apps registered in the Developer Console, whose Authorization building block lists the scopes the
 * user grants; the authorize request needs none. Accounts are global (one login across LiveChat and HelpDesk).
 * The token acts as the agent who authorized.
 */
export const livechat = {
  id: 'livechat',
  displayName: 'LiveChat',
  type: 'oauth2',
  category: 'support',
  logo: 'livechat',
  // (read 2026-12-03)
  docs: 'https://platform.text.com/docs/authorization/authorization-in-practice',
  setup:
    'In the LiveChat Developer Console create a server-side app, add the Authorization building block with the redirect URI `{publicUrl}/api/auth/livechat/handler/frame` and the scopes your app needs, and copy its Client Id and Client Secret. A LiveChat owner or admin installs it.',
  // The accounts server's root is the authorization page.
  authorizeUri: 'https://accounts.livechat.com/',
  tokenUri: 'https://accounts.livechat.com/v2/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /v2/accounts/me (Global Accounts API, scope accounts--my:ro): the agent's own account.
  account: {
    userInfoUri: 'https://accounts.livechat.com/v2/accounts/me',
    idPath: 'account_id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: the agent APIs on api.livechatinc.com (`/v3.5/agent/action/list_chats` …).
  api: { baseUrl: 'https://api.livechatinc.com' },
} satisfies Partial<ProviderSpecInput>;
