import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import {
  type Account,
  type AccountDetail,
  type AuditEntry,
  call,
  type Delivery,
  type Page,
  query,
} from '../admin-api.js';
import { Loaded, Outcome, StatusBadge, time } from '../parts.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

/**
 * One account: its state, its events, its refreshes (from the audit log) and its webhook deliveries; operators and
 * admins may refresh it now or disconnect it after a confirmation.
 */
export function AccountView(props: PageProps & { account: Account; close: () => void }) {
  const { env, role, account } = props;
  const path = `/users/${encodeURIComponent(account.userId)}/connected-accounts/${encodeURIComponent(account.id)}`;
  const [load, reload] = useLoad(() => call<AccountDetail>(env, 'GET', path), [env, path]);
  // The refresh engine audits every refresh as token.refresh; the log is filtered by user and provider, then by account.
  const [refreshes, reloadRefreshes] = useLoad(
    () =>
      call<Page<AuditEntry>>(
        env,
        'GET',
        `/audit${query({ action: 'token.refresh', userId: account.userId, provider: account.provider, limit: '20' })}`,
      ).then((page) => page.items.filter((entry) => entry.accountId === account.id)),
    [env, account.id],
  );
  const [deliveries] = useLoad(
    () => call<Page<Delivery>>(env, 'GET', `/webhook-deliveries${query({ accountId: account.id, limit: '20' })}`),
    [env, account.id],
  );
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mayChange = role !== 'viewer';
  const act = (run: () => Promise<string>) =>
    run().then(
      (text) => setOutcome({ text }),
      (err: Error) => setOutcome({ text: err.message, error: true }),
    );
  return (
    <section aria-labelledby="account-heading">
      <button type="button" className="tv-link" onClick={props.close}>
        {s.back}
      </button>
      <h2 id="account-heading">{s.accountHeading(account.provider, account.userId)}</h2>
      <Outcome text={outcome?.text ?? null} error={outcome?.error ?? false} />
      <Loaded load={load}>
        {(detail) => (
          <>
            <dl className="tv-facts">
              <dt>{s.statusLabel}</dt>
              <dd>
                <StatusBadge status={detail.status} />
              </dd>
              <dt>{s.scopes}</dt>
              <dd>{detail.scopes.join(' ') || '—'}</dd>
              <dt>{s.expires}</dt>
              <dd data-field="expiresAt">{time(detail.expiresAt)}</dd>
              <dt>{s.lastRefresh}</dt>
              <dd>{time(detail.lastRefreshedAt)}</dd>
              <dt>{s.nextRefresh}</dt>
              <dd>{time(detail.nextRefreshAt)}</dd>
              <dt>{s.lastError}</dt>
              <dd data-field="lastError">{detail.lastError ?? '—'}</dd>
            </dl>
            {mayChange && (
              <div className="tv-actions">
                <button
                  type="button"
                  className="tv-button"
                  onClick={() =>
                    act(() =>
                      call(env, 'POST', `${path}/refresh`).then(() => {
                        reload();
                        reloadRefreshes();
                        return s.refreshed;
                      }),
                    )
                  }
                >
                  {s.refreshNow}
                </button>
                {confirming ? (
                  <>
                    <button
                      type="button"
                      className="tv-button tv-danger"
                      onClick={() =>
                        act(() =>
                          call(env, 'DELETE', path).then(() => {
                            props.close();
                            return s.disconnected;
                          }),
                        )
                      }
                    >
                      {s.confirmDisconnect}
                    </button>
                    <button type="button" className="tv-button tv-secondary" onClick={() => setConfirming(false)}>
                      {s.cancel}
                    </button>
                  </>
                ) : (
                  <button type="button" className="tv-button tv-secondary" onClick={() => setConfirming(true)}>
                    {s.disconnect}
                  </button>
                )}
              </div>
            )}
            <h3>{s.events}</h3>
            {detail.events.length === 0 ? (
              <p className="tv-muted">{s.noEvents}</p>
            ) : (
              <ul className="tv-list">
                {detail.events.map((event) => (
                  <li key={event.id}>
                    {time(event.at)} — {event.type}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
      <h3>{s.refreshesOfAccount}</h3>
      <Loaded load={refreshes} empty={(entries) => entries.length === 0} emptyText={s.noRefreshes}>
        {(entries) => (
          <ul className="tv-list" data-field="refreshes">
            {entries.map((entry) => (
              <li key={entry.id}>
                {time(entry.at)} — {entry.result} ({entry.principal})
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <h3>{s.deliveriesHeading}</h3>
      <Loaded load={deliveries} empty={(page) => page.items.length === 0} emptyText={s.noDeliveries}>
        {(page) => (
          <ul className="tv-list" data-field="deliveries">
            {page.items.map((d) => (
              <li key={d.id}>
                {time(d.createdAt)} — {d.url}: {d.status}
                {d.attempts.length > 0 && ` (${s.attemptsCount(d.attempts.length)})`}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
