import { createRegistry } from './metrics-registry.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600];

/** The vault's Prometheus metrics (served at /metrics; docs/reliability.md, "Metrics"). Labels carry provider ids, never user data. */
export function createVaultMetrics() {
  const registry = createRegistry();
  return {
    render: () => registry.render(),
    /** result: refreshed | needs_reauth | transient | config_error | internal_error | superseded. */
    refreshes: registry.counter('tokenvault_refreshes_total', 'Refresh attempts by outcome.', [
      'provider',
      'trigger',
      'result',
    ]),
    providerLatency: registry.histogram(
      'tokenvault_provider_request_duration_seconds',
      'Time the provider took to answer a token request.',
      ['provider', 'operation'],
      LATENCY_BUCKETS,
    ),
    leaseWait: registry.histogram(
      'tokenvault_refresh_lease_wait_seconds',
      'Time a caller waited for a refresh another caller or process was doing.',
      [],
      LATENCY_BUCKETS,
    ),
    schedulerLag: registry.histogram(
      'tokenvault_scheduler_lag_seconds',
      'How late the scheduler claimed an account after its nextRefreshAt.',
      [],
      LAG_BUCKETS,
    ),
    schedulerResults: registry.counter('tokenvault_scheduler_results_total', 'Accounts handled by the scheduler.', [
      'result',
    ]),
    /** method: read | write; status: 2xx … 5xx as the provider answered, or refused when the vault did. */
    proxyRequests: registry.counter('tokenvault_proxy_requests_total', 'Calls through the API proxy.', [
      'provider',
      'method',
      'status',
    ]),
    webhookDeliveries: registry.counter(
      'tokenvault_webhook_deliveries_total',
      'Webhook delivery attempts by outcome (delivered, retry, gave_up).',
      ['result'],
    ),
    webhookLag: registry.histogram(
      'tokenvault_webhook_lag_seconds',
      'Time from an event to its successful delivery.',
      [],
      LAG_BUCKETS,
    ),
  };
}

export type VaultMetrics = ReturnType<typeof createVaultMetrics>;
