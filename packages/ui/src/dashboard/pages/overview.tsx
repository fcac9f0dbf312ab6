import { dashboardStrings as s } from '../../strings.js';
import { call } from '../admin-api.js';
import { Loaded, StatusBadge, Table } from '../parts.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';
import { type HourCount, ReadsChart } from './reads-chart.js';

interface Overview {
  accountsByStatus: Record<string, number>;
  refreshesDueWithinHour: number;
  providers: { provider: string; accounts: number; failing: number; needsReauth: number }[];
  tokenReads: HourCount[] | null;
}

/** The environment at a glance: accounts by status, what is failing where, the refresh queue, token reads. */
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
            <Table label={s.providersHeading}>
              <thead>
                <tr>
                  <th scope="col">{s.provider}</th>
                  <th scope="col">{s.accountsCount}</th>
                  <th scope="col">{s.failingCount}</th>
                  <th scope="col">{s.status.needs_reauth}</th>
                </tr>
              </thead>
              <tbody>
                {overview.providers.map((p) => (
                  <tr key={p.provider} data-provider={p.provider}>
                    <td>{p.provider}</td>
                    <td>{p.accounts}</td>
                    <td className={p.failing > 0 ? 'tv-error' : undefined}>{p.failing}</td>
                    <td>{p.needsReauth}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <h2>{s.readsHeading}</h2>
          {overview.tokenReads ? (
            <ReadsChart hours={overview.tokenReads} />
          ) : (
            <p className="tv-muted">{s.noAuditRole}</p>
          )}
        </>
      )}
    </Loaded>
  );
}
