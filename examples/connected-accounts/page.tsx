// The example app's page: binds the browser to the app's user, then lists, links and uses connected accounts.
import { useAccessToken, useConnectedAccounts, useLinkAccount, VaultProvider } from '@tokenvault/react';
import { createVault } from '@tokenvault/sdk-browser';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    VAULT_URL: string;
    APP_USER: string;
  }
}

const PROVIDER = 'demo';
const vault = createVault({ baseUrl: window.VAULT_URL });

function Accounts() {
  const { status, accounts, error } = useConnectedAccounts();
  const link = useLinkAccount();
  const token = useAccessToken(PROVIDER, { scopes: ['openid'] });
  return (
    <main>
      <h1>Signed in to the app as {window.APP_USER}</h1>
      <section>
        <h2>Connected accounts ({status})</h2>
        {error && <p className="error">{error.message}</p>}
        <ul>
          {accounts.map((account) => (
            <li key={account.id} className="account" data-status={account.status}>
              {account.provider}: {account.displayName ?? account.providerAccountId} ({account.status}){' '}
              <button type="button" onClick={() => void account.disconnect()}>
                Disconnect
              </button>
            </li>
          ))}
        </ul>
        {/* A link opens a popup, so it must start in the click. */}
        <button type="button" className="link" onClick={() => void link.link(PROVIDER, { scopes: ['openid'] })}>
          Link a {PROVIDER} account
        </button>
        {link.status === 'error' && <p className="error">{link.error?.message}</p>}
      </section>
      <section>
        <h2>A {PROVIDER} token</h2>
        <p className="token" data-status={token.status}>
          {token.status === 'ok'
            ? `ready (${token.accessToken?.length} characters, held in memory only)`
            : token.status === 'error'
              ? `${token.error?.code}: ${token.error?.message}`
              : 'loading'}
        </p>
      </section>
    </main>
  );
}

async function main() {
  // The app's backend asks the vault for a connect session for this user; the vault then knows this browser.
  const { token } = await (await fetch('/api/connect-session', { method: 'POST' })).json();
  await vault.redeemConnectSession(token);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <VaultProvider vault={vault}>
      <Accounts />
    </VaultProvider>,
  );
}

void main();
