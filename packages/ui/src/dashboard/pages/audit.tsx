import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { type AuditEntry, base, call, type Page, query } from '../admin-api.js';
import { Field, Loaded, Pager, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

const FILTERS = ['action', 'principal', 'userId', 'provider', 'result'] as const;
type Filters = Record<(typeof FILTERS)[number] | 'since' | 'until', string>;
const NONE: Filters = { action: '', principal: '', userId: '', provider: '', result: '', since: '', until: '' };

const auditColumns: Column<AuditEntry>[] = [
  { header: s.at, cell: (entry) => time(entry.at) },
  { header: s.auditFilter.action, cell: (entry) => entry.action },
  { header: s.auditFilter.principal, cell: (entry) => entry.principal },
  { header: s.auditFilter.userId, cell: (entry) => entry.userId ?? '—' },
  { header: s.auditFilter.provider, cell: (entry) => entry.provider ?? '—' },
  { header: s.result, cell: (entry) => entry.result },
];

/** The audit log, newest first: filters, a time range, cursor pages, and the same selection exported. */
export function AuditPage({ env }: PageProps) {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [history, setHistory] = useState<string[]>([]);
  const cursor = history.at(-1) ?? null;
  const selection = {
    ...filters,
    since: filters.since && new Date(`${filters.since}Z`).toISOString(),
    until: filters.until && new Date(`${filters.until}Z`).toISOString(),
  };
  const [load] = useLoad(
    () => call<Page<AuditEntry>>(env, 'GET', `/audit${query({ ...selection, limit: '50', cursor })}`),
    [env, filters, cursor],
  );
  // A download is a plain navigation, which carries no environment header: it names the environment itself.
  const exportUrl = (format: string) => `${base}/v1/admin/audit/export${query({ ...selection, format, env })}`;
  return (
    <>
      <form
        className="tv-filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setHistory([]);
          setFilters(
            Object.fromEntries(Object.keys(NONE).map((name) => [name, String(form.get(name) ?? '').trim()])) as Filters,
          );
        }}
      >
        {FILTERS.map((name) => (
          <Field key={name} id={`a-${name}`} label={s.auditFilter[name]}>
            <input className="tv-input" id={`a-${name}`} name={name} defaultValue={filters[name]} />
          </Field>
        ))}
        <Field id="a-since" label={s.since}>
          <input className="tv-input" type="datetime-local" id="a-since" name="since" defaultValue={filters.since} />
        </Field>
        <Field id="a-until" label={s.until}>
          <input className="tv-input" type="datetime-local" id="a-until" name="until" defaultValue={filters.until} />
        </Field>
        <button type="submit" className="tv-button">
          {s.search}
        </button>
      </form>
      <p className="tv-actions">
        <a href={exportUrl('ndjson')} download>
          {s.exportAs('NDJSON')}
        </a>
        <a href={exportUrl('csv')} download>
          {s.exportAs('CSV')}
        </a>
      </p>
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noAudit}>
        {(page) => (
          <>
            <Table label={s.auditCaption} columns={auditColumns} rows={page.items} rowKey={(entry) => entry.id} />
            <Pager history={history} next={page.nextCursor} go={setHistory} />
          </>
        )}
      </Loaded>
    </>
  );
}
