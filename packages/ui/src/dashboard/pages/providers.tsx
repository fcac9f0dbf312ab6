import { dashboardStrings as s } from '../../strings.js';
import { base, call, type Page, type Provider } from '../admin-api.js';
import { CopyButton, Loaded } from '../parts.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

/** The environment's providers: what to register at each, and a test connect as the operator. */
export function ProvidersPage({ env }: PageProps) {
  const [load] = useLoad(() => call<Page<Provider>>(env, 'GET', '/providers'), [env]);
  return (
    <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noProviders}>
      {(page) => (
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
                <a
                  href={`${base}/api/auth/${encodeURIComponent(provider.id)}/start?${new URLSearchParams({ env, scope: '', origin: location.origin, flow: 'redirect', redirectUrl: `${base}/dashboard` })}`}
                >
                  {s.testConnect(provider.displayName)}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  );
}
