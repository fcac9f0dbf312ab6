import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { call, type Delivery, type Page, query, type TestEventResult, type WebhookEndpoint } from '../admin-api.js';
import { Loaded, Outcome, Pager, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import type { PageProps } from './page-props.js';

const deliveryColumns: Column<Delivery>[] = [
  { header: s.at, cell: (delivery) => time(delivery.createdAt) },
  { header: s.endpoint, cell: (delivery) => delivery.url },
  { header: s.statusLabel, cell: (delivery) => delivery.status, field: 'status' },
  {
    header: s.attempts,
    cell: (delivery) =>
      delivery.attempts.length === 0
        ? '—'
        : delivery.attempts.map((a) => `${a.attempt}: ${a.status ?? a.error ?? '?'}`).join(', '),
  },
];

const endpointColumns: Column<WebhookEndpoint>[] = [
  { header: s.endpoint, cell: (endpoint) => endpoint.url },
  { header: s.events, cell: (endpoint) => endpoint.events.join(', ') },
];

/**
 * The environment's webhook endpoints (a test event to one) and the deliveries to them, newest first, with their
 * status and attempts (a retry of one). Viewers see both and change nothing.
 */
export function WebhooksPage({ env, role }: PageProps) {
  const mayChange = role !== 'viewer';
  const [history, setHistory] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean } | null>(null);
  const cursor = history.at(-1) ?? null;
  const [endpoints] = useLoad(() => call<Page<WebhookEndpoint>>(env, 'GET', '/webhooks'), [env]);
  const [deliveries, reload] = useLoad(
    () => call<Page<Delivery>>(env, 'GET', `/webhook-deliveries${query({ limit: '25', cursor })}`),
    [env, cursor],
  );
  const act = (run: () => Promise<{ text: string; error?: boolean }>) =>
    run().then(setOutcome, (err: Error) => setOutcome({ text: err.message, error: true }));
  const sendTest = (endpoint: WebhookEndpoint) =>
    act(() =>
      call<TestEventResult>(env, 'POST', `/webhooks/${encodeURIComponent(endpoint.id)}/test`).then((result) =>
        result.delivered && result.status !== null
          ? { text: s.testDelivered(result.status, result.durationMs) }
          : { text: s.testFailed(result.error ?? `HTTP ${result.status}`), error: true },
      ),
    );
  const retry = (delivery: Delivery) =>
    act(() =>
      call(env, 'POST', `/webhook-deliveries/${encodeURIComponent(delivery.id)}/retry`).then(() => {
        reload();
        return { text: s.retried };
      }),
    );
  return (
    <>
      <Outcome text={outcome?.text ?? null} error={outcome?.error ?? false} />
      <h2>{s.endpointsHeading}</h2>
      <Loaded load={endpoints} empty={(page) => page.items.length === 0} emptyText={s.noEndpoints}>
        {(page) => (
          <Table
            label={s.endpointsCaption}
            columns={
              mayChange
                ? [...endpointColumns, actionColumn(s.sendTestButton, (e) => s.sendTest(e.url), sendTest)]
                : endpointColumns
            }
            rows={page.items}
            rowKey={(endpoint) => endpoint.id}
            rowData={(endpoint) => ({ 'data-endpoint': endpoint.id })}
          />
        )}
      </Loaded>
      <h2>{s.deliveriesOf}</h2>
      <Loaded load={deliveries} empty={(page) => page.items.length === 0} emptyText={s.noDeliveries}>
        {(page) => (
          <>
            <Table
              label={s.deliveriesCaption}
              columns={
                mayChange
                  ? [...deliveryColumns, actionColumn(s.retryButton, (d) => s.retry(time(d.createdAt)), retry)]
                  : deliveryColumns
              }
              rows={page.items}
              rowKey={(delivery) => delivery.id}
              rowData={(delivery) => ({ 'data-delivery': delivery.id })}
            />
            <Pager history={history} next={page.nextCursor} go={setHistory} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** A last column with one button per row, whose accessible name (its text, and more) says which row it acts on. */
function actionColumn<T>(text: string, label: (row: T) => string, run: (row: T) => void): Column<T> {
  return {
    header: s.actions,
    cell: (row) => (
      <button
        type="button"
        className="tv-button tv-secondary tv-small"
        aria-label={label(row)}
        onClick={() => run(row)}
      >
        {text}
      </button>
    ),
  };
}
