import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { type Account, call, type Page, query } from '../admin-api.js';
import { Field, Loaded, Pager, StatusBadge, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import { AccountView } from './account-view.js';
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
