import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { type Account, type AccountDetail, call, type Delivery, type Page, query } from '../admin-api.js';
import { Field, Loaded, Outcome, Pager, StatusBadge, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

const STATUSES = ['active', 'needs_reauth', 'error', 'revoked'];

// The accounts table's columns after the user, whose cell opens the account.
const accountColumns: Column<Account>[] = [
  { header: s.provider, cell: (account) => account.provider },
  { header: s.statusLabel, cell: (account) => <StatusBadge status={account.status} /> },
  { header: s.expires, cell: (account) => time(account.expiresAt) },
  { header: s.lastError, cell: (account) => account.lastError ?? '—' },
];

/** Every user's connected accounts: by user, provider and status, a page at a time; one opens its detail. */
export function AccountsPage({ env, role }: PageProps) {
  const [filters, setFilters] = useState({ userId: '', provider: '', status: '' });
  const [history, setHistory] = useState<string[]>([]);
  const [open, setOpen] = useState<Account | null>(null);
  const cursor = history.at(-1) ?? null;
  const [load, reload] = useLoad(
    () =>
      filters.userId !== ''
        ? call<Page<Account>>(env, 'GET', `/users/${encodeURIComponent(filters.userId)}/connected-accounts`).then(
            (page) => ({
              ...page,
              items: page.items
                .map((a) => ({ ...a, userId: filters.userId }))
                .filter(
                  (a) =>
                    (!filters.provider || a.provider === filters.provider) &&
                    (!filters.status || a.status === filters.status),
                ),
            }),
          )
        : call<Page<Account>>(
            env,
            'GET',
            `/connected-accounts${query({ provider: filters.provider, status: filters.status, limit: '25', cursor })}`,
          ),
    [env, filters, cursor],
  );
  if (open)
    return (
      <AccountView
        env={env}
        role={role}
        account={open}
        close={() => {
          setOpen(null);
          reload();
        }}
      />
    );
  return (
    <>
      <form
        className="tv-filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setHistory([]);
          setFilters({
            userId: String(form.get('userId') ?? '').trim(),
            provider: String(form.get('provider') ?? '').trim(),
            status: String(form.get('status') ?? ''),
          });
        }}
      >
        <Field id="f-user" label={s.user}>
          <input className="tv-input" id="f-user" name="userId" defaultValue={filters.userId} />
        </Field>
        <Field id="f-provider" label={s.provider}>
          <input className="tv-input" id="f-provider" name="provider" defaultValue={filters.provider} />
        </Field>
        <Field id="f-status" label={s.statusLabel}>
          <select className="tv-input" id="f-status" name="status" defaultValue={filters.status}>
            <option value="">{s.any}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {s.status[status]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="tv-button">
          {s.search}
        </button>
      </form>
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noAccounts}>
        {(page) => (
          <>
            <Table
              label={s.accountsCaption}
              columns={[
                {
                  header: s.user,
                  cell: (account) => (
                    <button type="button" className="tv-link" onClick={() => setOpen(account)}>
                      {account.userId}
                    </button>
                  ),
                },
                ...accountColumns,
              ]}
              rows={page.items}
              rowKey={(account) => account.id}
            />
            <Pager history={history} next={page.nextCursor} go={setHistory} />
          </>
        )}
      </Loaded>
    </>
  );
}

function AccountView(props: PageProps & { account: Account; close: () => void }) {
  const { env, role, account } = props;
  const path = `/users/${encodeURIComponent(account.userId)}/connected-accounts/${encodeURIComponent(account.id)}`;
  const [load, reload] = useLoad(() => call<AccountDetail>(env, 'GET', path), [env, path]);
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
