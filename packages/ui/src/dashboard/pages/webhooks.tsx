import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { call, type Delivery, type Page, query } from '../admin-api.js';
import { Loaded, Pager, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

const deliveryColumns: Column<Delivery>[] = [
  { header: s.at, cell: (delivery) => time(delivery.createdAt) },
  { header: s.endpoint, cell: (delivery) => delivery.url },
  { header: s.statusLabel, cell: (delivery) => delivery.status },
  {
    header: s.attempts,
    cell: (delivery) =>
      delivery.attempts.length === 0
        ? '—'
        : delivery.attempts.map((a) => `${a.attempt}: ${a.status ?? a.error ?? '?'}`).join(', '),
  },
];

/** Webhook deliveries, newest first, with their status and attempts. */
export function WebhooksPage({ env }: PageProps) {
  const [history, setHistory] = useState<string[]>([]);
  const cursor = history.at(-1) ?? null;
  const [load] = useLoad(
    () => call<Page<Delivery>>(env, 'GET', `/webhook-deliveries${query({ limit: '25', cursor })}`),
    [env, cursor],
  );
  return (
    <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noDeliveries}>
      {(page) => (
        <>
          <Table
            label={s.deliveriesCaption}
            columns={deliveryColumns}
            rows={page.items}
            rowKey={(delivery) => delivery.id}
          />
          <Pager history={history} next={page.nextCursor} go={setHistory} />
        </>
      )}
    </Loaded>
  );
}
