// A browser page on the browser SDK and the React hooks, bundled for the browser.
import { useConnectedAccounts, useLinkAccount, VaultProvider } from '@tokenvault/react';
import { createVault } from '@tokenvault/sdk-browser';
import { createRoot } from 'react-dom/client';

const vault = createVault({ baseUrl: 'https://vault.example.com' });

function Accounts() {
  const { status, accounts } = useConnectedAccounts();
  const { link } = useLinkAccount();
  if (status !== 'ready') return <p>{status}</p>;
  return (
    <ul>
      {accounts.map((account) => (
        <li key={account.id}>{account.displayName}</li>
      ))}
      <li>
        <button type="button" onClick={() => link('google', { scopes: ['openid'] })}>
          Link Google
        </button>
      </li>
    </ul>
  );
}

createRoot(document.body).render(
  <VaultProvider vault={vault}>
    <Accounts />
  </VaultProvider>,
);
