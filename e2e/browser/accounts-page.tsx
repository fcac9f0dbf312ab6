// The app page of e2e/react-accounts.test.ts, bundled by esbuild: a tiny React app over @tokenvault/react, as an
// app with its own login would write it. The tests read the DOM; `window.accountsPage` lets them drive the SDK.
import { useAccessToken, useConnectedAccounts, useLinkAccount, VaultProvider } from '@tokenvault/react';
import { createVault, type Vault } from '@tokenvault/sdk-browser';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

export interface AccountOutcome {
  account?: { id: string; providerAccountId: string; scopes: string[]; status: string };
  error?: { name: string; code?: string; message: string };
}

/** What the page puts on `window` for the tests' `page.evaluate`. */
export interface AccountsWindow {
  /** Set by the app server before this bundle runs. */
  VAULT_URL: string;
  accountsPage: {
    vault: Vault;
    /** `getOrLinkConnectedAccount`, its outcome as plain data (objects with methods do not cross evaluate). */
    getOrLink(provider: string, scopes: string[]): Promise<AccountOutcome>;
    /** Every error a click handler's promise ended with: none is expected. */
    failures: string[];
  };
}

const page = window as unknown as AccountsWindow;
const vault = createVault({ baseUrl: page.VAULT_URL });

page.accountsPage = {
  vault,
  failures: [],
  getOrLink: (provider, scopes) =>
    vault.getOrLinkConnectedAccount(provider, { scopes }).then(
      ({ id, providerAccountId, scopes: held, status }) => ({
        account: { id, providerAccountId, scopes: [...held], status },
      }),
      (error: Error & { code?: string }) => ({ error: { name: error.name, code: error.code, message: error.message } }),
    ),
};

const fail = (error: Error) => page.accountsPage.failures.push(`${error.name}: ${error.message}`);

function Accounts() {
  const { status, accounts, error } = useConnectedAccounts();
  return (
    <section id="accounts" data-status={status} data-error={error?.code ?? ''}>
      <ul>
        {accounts.map((account) => (
          <li key={account.id} data-id={account.id} data-status={account.status} data-scopes={account.scopes.join(' ')}>
            <span className="login">{account.providerAccountId}</span>
            <button type="button" onClick={() => account.disconnect().catch(fail)}>
              Disconnect {account.providerAccountId}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LinkButton() {
  const { link, status, error } = useLinkAccount();
  return (
    <p id="link" data-status={status} data-error={error?.code ?? ''}>
      <button type="button" onClick={() => link('demo', { scopes: ['openid'] })}>
        Link demo
      </button>
    </p>
  );
}

function DemoToken() {
  const [minValiditySeconds, setMinValiditySeconds] = useState<number>();
  const token = useAccessToken('demo', { scopes: ['openid'], ...(minValiditySeconds && { minValiditySeconds }) });
  return (
    <p id="token" data-status={token.status} data-error={token.error?.code ?? ''}>
      <output>{token.accessToken ?? ''}</output>
      <button type="button" onClick={() => setMinValiditySeconds(2 * 60 * 60)}>
        Valid for two hours
      </button>
    </p>
  );
}

const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(
  <VaultProvider vault={vault}>
    <Accounts />
    <LinkButton />
    <DemoToken />
  </VaultProvider>,
);
