import icons from 'tokenvault:provider-icons';
import { useState } from 'react';
import type { PageAccount, PageProvider } from '../shared/api-client.js';
import { strings } from '../strings.js';

/** Past this many providers the page offers a search box. */
export const SEARCH_FROM = 9;

/** The provider's logo from simple-icons, or a tile with its first letter when there is none. */
export function ProviderIcon({ provider, base }: { provider: PageProvider; base: string }) {
  const icon = provider.logo && Object.hasOwn(icons, provider.logo) ? icons[provider.logo] : undefined;
  if (icon) return <img className="tv-icon" src={`${base}/ui/assets/${icon}`} alt="" />;
  const tile = [...provider.id].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 6;
  return (
    <span className={`tv-tile tv-tile-${tile}`} aria-hidden="true">
      {provider.displayName.slice(0, 1).toUpperCase()}
    </span>
  );
}

export function ProviderList(props: {
  base: string;
  providers: PageProvider[];
  accounts: PageAccount[];
  onPick: (provider: PageProvider) => void;
}) {
  const [query, setQuery] = useState('');
  const wanted = query.trim().toLowerCase();
  const shown = props.providers.filter(
    (p) => !wanted || p.displayName.toLowerCase().includes(wanted) || p.id.includes(wanted),
  );
  return (
    <>
      {props.providers.length >= SEARCH_FROM && (
        <div className="tv-search">
          <label className="tv-label" htmlFor="tv-search">
            {strings.searchLabel}
          </label>
          <input
            id="tv-search"
            className="tv-input"
            type="search"
            placeholder={strings.searchPlaceholder}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      )}
      {props.providers.length === 0 && <p>{strings.noProviders}</p>}
      {props.providers.length > 0 && shown.length === 0 && <p role="status">{strings.noMatch(query)}</p>}
      <ul className="tv-providers">
        {shown.map((provider) => {
          const connected = props.accounts.filter((a) => a.provider === provider.id).length;
          return (
            <li key={provider.id}>
              <button
                type="button"
                className="tv-provider"
                data-provider={provider.id}
                onClick={() => props.onPick(provider)}
              >
                <ProviderIcon provider={provider} base={props.base} />
                <span className="tv-provider-name">{provider.displayName}</span>
                <span className="tv-provider-note">
                  {connected > 0
                    ? `${strings.alreadyConnected(connected)} · ${strings.connectAnother}`
                    : strings.connect}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function AccountList({ accounts, providers }: { accounts: PageAccount[]; providers: PageProvider[] }) {
  if (accounts.length === 0) return null;
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.displayName ?? id;
  return (
    <>
      <h2>{strings.connectedAccountsHeading}</h2>
      <ul className="tv-accounts">
        {accounts.map((account) => (
          <li key={account.id} className="tv-account" data-account={account.id}>
            <span>
              {account.displayName ?? nameOf(account.provider)} · {nameOf(account.provider)}
            </span>
            <span className="tv-muted">{strings.statusLabel[account.status] ?? account.status}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
