import { dashboardStrings as s } from '../../strings.js';
import { call } from '../admin-api.js';
import { Loaded, StatusBadge } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import { type ChartLabels, HourChart, type HourCount } from './hour-chart.js';
import type { PageProps } from './page-props.js';

interface ProviderCounts {
  provider: string;
  accounts: number;
  failing: number;
  needsReauth: number;
}

interface Overview {
  accountsByStatus: Record<string, number>;
  refreshesDueWithinHour: number;
  providers: ProviderCounts[];
  tokenReads: HourCount[] | null;
  refreshes: HourCount[] | null;
}

const providerColumns: Column<ProviderCounts>[] = [
  { header: s.provider, cell: (p) => p.provider },
  { header: s.accountsCount, cell: (p) => p.accounts },
  { header: s.failingCount, cell: (p) => p.failing, className: (p) => (p.failing > 0 ? 'tv-error' : undefined) },
  { header: s.status.needs_reauth as string, cell: (p) => p.needsReauth },
];

const READS: ChartLabels = { ok: s.readsOk, failed: s.readsFailed, caption: s.readsCaption, table: s.readsTable };
const REFRESHES: ChartLabels = {
  ok: s.refreshesOk,
  failed: s.refreshesFailed,
  caption: s.refreshesCaption,
  table: s.refreshesTable,
};

/**
 * The environment at a glance: accounts by status, what is failing where, the refresh queue, token reads and
 * refreshes over the last day.
 */
export function OverviewPage({ env }: PageProps) {
  const [load] = useLoad(() => call<Overview>(env, 'GET', '/overview'), [env]);
  return (
    <Loaded load={load}>
      {(overview) => (
        <>
          <ul className="tv-stats">
            {Object.entries(overview.accountsByStatus).map(([status, count]) => (
              <li key={status} className="tv-stat" data-status={status}>
                <span className="tv-stat-number">{count}</span> <StatusBadge status={status} />
              </li>
            ))}
            <li className="tv-stat" data-field="due">
              <span className="tv-stat-number">{overview.refreshesDueWithinHour}</span> {s.dueWithinHour}
            </li>
          </ul>
          <h2>{s.providersHeading}</h2>
          {overview.providers.length === 0 ? (
            <p className="tv-muted">{s.noAccounts}</p>
          ) : (
            <Table
              label={s.providersHeading}
              columns={providerColumns}
              rows={overview.providers}
              rowKey={(p) => p.provider}
              rowData={(p) => ({ 'data-provider': p.provider })}
            />
          )}
          <h2>{s.readsHeading}</h2>
          {overview.tokenReads ? (
            <HourChart name="reads" hours={overview.tokenReads} labels={READS} />
          ) : (
            <p className="tv-muted">{s.noAuditRole}</p>
          )}
          <h2>{s.refreshesHeading}</h2>
          {overview.refreshes ? (
            <HourChart name="refreshes" hours={overview.refreshes} labels={REFRESHES} />
          ) : (
            <p className="tv-muted">{s.noAuditRole}</p>
          )}
        </>
      )}
    </Loaded>
  );
}
