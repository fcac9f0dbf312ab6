import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { call, type Delivery, type Page, query } from '../admin-api.js';
import { Loaded, Pager, Table, time } from '../parts.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

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
          <Table label={s.deliveriesCaption}>
            <thead>
              <tr>
                <th scope="col">{s.at}</th>
                <th scope="col">{s.endpoint}</th>
                <th scope="col">{s.statusLabel}</th>
                <th scope="col">{s.attempts}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{time(delivery.createdAt)}</td>
                  <td>{delivery.url}</td>
                  <td>{delivery.status}</td>
                  <td>
                    {delivery.attempts.length === 0
                      ? '—'
                      : delivery.attempts.map((a) => `${a.attempt}: ${a.status ?? a.error ?? '?'}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager history={history} next={page.nextCursor} go={setHistory} />
        </>
      )}
    </Loaded>
  );
}
