import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { call, type Page, type Provider } from '../admin-api.js';
import { CopyButton, Loaded, Outcome } from '../parts.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

/**
 * The environment's providers: what to register at each, and (for admins) a test connect that runs the hosted
 * connect page in a new tab as the operator's own test user.
 */
export function ProvidersPage({ env, role }: PageProps) {
  const [load] = useLoad(() => call<Page<Provider>>(env, 'GET', '/providers'), [env]);
  const [started, setStarted] = useState<{ provider: string; url: string } | { error: string } | null>(null);
  const testConnect = (provider: Provider) =>
    call<{ connectUrl: string }>(env, 'POST', `/providers/${encodeURIComponent(provider.id)}/test-connect`).then(
      ({ connectUrl }) => {
        // No opener: the connect page is an app's page like any other, not the dashboard's.
        window.open(connectUrl, '_blank', 'noopener');
        setStarted({ provider: provider.displayName, url: connectUrl });
      },
      (err: Error) => setStarted({ error: err.message }),
    );
  return (
    <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noProviders}>
      {(page) => (
        <>
          {started && 'error' in started && <Outcome text={started.error} error />}
          {started && 'url' in started && (
            <p className="tv-notice" role="status">
              {s.testConnectOpened(started.provider)}{' '}
              <a href={started.url} target="_blank" rel="noopener noreferrer">
                {s.testConnectLink}
              </a>
            </p>
          )}
          <ul className="tv-cards">
            {page.items.map((provider) => (
              <li key={provider.id} className="tv-card">
                <h2>{provider.displayName}</h2>
                <dl className="tv-facts">
                  <dt>{s.providerId}</dt>
                  <dd>{provider.id}</dd>
                  <dt>{s.redirectUri}</dt>
                  <dd>
                    <code>{provider.callbackUrl}</code>{' '}
                    <CopyButton text={provider.callbackUrl} label={s.copyRedirect(provider.displayName)} />
                  </dd>
                  <dt>{s.scopes}</dt>
                  <dd>{provider.scopes.join(' ') || '—'}</dd>
                  <dt>{s.clientId}</dt>
                  <dd>{provider.clientId}</dd>
                </dl>
                {provider.setup && <p>{provider.setup}</p>}
                <p className="tv-actions">
                  {provider.docs && (
                    <a href={provider.docs} rel="noreferrer" target="_blank">
                      {s.docsOf(provider.displayName)}
                    </a>
                  )}
                  {role === 'admin' && (
                    <button
                      type="button"
                      className="tv-button tv-secondary tv-small"
                      onClick={() => testConnect(provider)}
                    >
                      {s.testConnect(provider.displayName)}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Loaded>
  );
}
