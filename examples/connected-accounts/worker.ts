// A backend job reading a user's token while the user is offline, with nothing but its access key (a
// credentials-reader). Run: VAULT_URL=… VAULT_ACCESS_KEY=… USER_ID=u_42 node --import tsx worker.ts
import { createVaultClient } from '@tokenvault/sdk-node';

const vault = createVaultClient({
  baseUrl: process.env.VAULT_URL ?? 'http://127.0.0.1:7007',
  accessKey: process.env.VAULT_ACCESS_KEY,
});
const userId = process.env.USER_ID ?? 'u_42';
const provider = process.env.PROVIDER ?? 'demo';

const result = await vault.user(userId).account(provider).getAccessToken({ minValiditySeconds: 60 });
if (result.status === 'error') {
  // Each code asks for something different: a new link, more scopes, patience, or nothing to do.
  console.error(`no token for ${userId}'s ${provider} account: ${result.error.code} (${result.error.message})`);
  process.exit(1);
}
// Use the token as the provider's API expects; here, ask the provider who the account is.
const userinfoUrl = process.env.USERINFO_URL;
const userinfo = userinfoUrl
  ? await (await fetch(userinfoUrl, { headers: { authorization: `Bearer ${result.data.accessToken}` } })).json()
  : undefined;
console.log(
  JSON.stringify({ userId, provider, accountId: result.data.accountId, scopes: result.data.scopes, userinfo }),
);
