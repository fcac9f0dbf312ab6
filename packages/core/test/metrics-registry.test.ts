import { describe, expect, it } from 'vitest';
import { createRegistry } from '../src/metrics-registry.js';

// Each expectation is the exact exposition text (format 0.0.4) that Prometheus scrapes.
const lines = (...text: string[]) => `${text.join('\n')}\n`;

function errorFrom(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a throw');
}

describe('counter', () => {
  it('renders one sample per label set, labels in declared order', () => {
    // Series are keyed by label values, not by the order a caller wrote the object's keys.
    const registry = createRegistry();
    const refreshes = registry.counter('tokenvault_refreshes_total', 'Refresh attempts.', ['provider', 'result']);
    refreshes.inc({ provider: 'github', result: 'refreshed' });
    refreshes.inc({ result: 'refreshed', provider: 'github' }, 2);
    refreshes.inc({ provider: 'google', result: 'needs_reauth' });
    refreshes.inc({ provider: 'google', result: 'needs_reauth' }, 0.5);
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_refreshes_total Refresh attempts.',
        '# TYPE tokenvault_refreshes_total counter',
        'tokenvault_refreshes_total{provider="github",result="refreshed"} 3',
        'tokenvault_refreshes_total{provider="google",result="needs_reauth"} 1.5',
      ),
    );
  });

  it('renders 0 for a label-less counter never incremented', () => {
    // The series exists from the first scrape, so rate() has a starting point.
    const registry = createRegistry();
    const restarts = registry.counter('tokenvault_restarts_total', 'Restarts.', []);
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_restarts_total Restarts.',
        '# TYPE tokenvault_restarts_total counter',
        'tokenvault_restarts_total 0',
      ),
    );
    restarts.inc();
    expect(registry.render()).toContain('\ntokenvault_restarts_total 1\n');
  });

  it('renders no sample for a labelled counter never incremented', () => {
    // Label values are unknown until used, so only HELP and TYPE appear.
    const registry = createRegistry();
    registry.counter('tokenvault_errors_total', 'Errors.', ['code']);
    expect(registry.render()).toBe(
      lines('# HELP tokenvault_errors_total Errors.', '# TYPE tokenvault_errors_total counter'),
    );
  });
});

describe('gauge', () => {
  it('sets, increments and decrements, spelling non-finite values as Prometheus does', () => {
    // Integers print plain, floats as JS prints them, and infinities as +Inf/-Inf, never "Infinity".
    const registry = createRegistry();
    const leases = registry.gauge('tokenvault_leases', 'Leases held.', ['store']);
    leases.set({ store: 'sql' }, 5);
    leases.inc({ store: 'sql' });
    leases.dec({ store: 'sql' }, 0.25);
    leases.set({ store: 'pg' }, 3);
    leases.dec({ store: 'pg' }, 4);
    leases.set({ store: 'up' }, Infinity);
    leases.set({ store: 'down' }, -Infinity);
    leases.set({ store: 'odd' }, Number.NaN);
    leases.set({ store: 'tiny' }, 1e-7);
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_leases Leases held.',
        '# TYPE tokenvault_leases gauge',
        'tokenvault_leases{store="sql"} 5.75',
        'tokenvault_leases{store="pg"} -1',
        'tokenvault_leases{store="up"} +Inf',
        'tokenvault_leases{store="down"} -Inf',
        'tokenvault_leases{store="odd"} NaN',
        'tokenvault_leases{store="tiny"} 1e-7',
      ),
    );
  });
});

describe('histogram', () => {
  it('renders cumulative buckets, +Inf, sum and count', () => {
    // A bucket counts observations <= its bound (inclusive); +Inf equals the count.
    const registry = createRegistry();
    const latency = registry.histogram('tokenvault_latency_seconds', 'Latency.', ['provider'], [0.25, 0.5, 1]);
    for (const value of [0.0625, 0.25, 0.75, 3]) latency.observe({ provider: 'github' }, value);
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_latency_seconds Latency.',
        '# TYPE tokenvault_latency_seconds histogram',
        'tokenvault_latency_seconds_bucket{provider="github",le="0.25"} 2',
        'tokenvault_latency_seconds_bucket{provider="github",le="0.5"} 2',
        'tokenvault_latency_seconds_bucket{provider="github",le="1"} 3',
        'tokenvault_latency_seconds_bucket{provider="github",le="+Inf"} 4',
        'tokenvault_latency_seconds_sum{provider="github"} 4.0625',
        'tokenvault_latency_seconds_count{provider="github"} 4',
      ),
    );
  });

  it('renders a label-less histogram with zero buckets before any observation', () => {
    // Like a label-less counter, the series exists from the first scrape.
    const registry = createRegistry();
    registry.histogram('tokenvault_lag_seconds', 'Lag.', [], [1, 10]);
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_lag_seconds Lag.',
        '# TYPE tokenvault_lag_seconds histogram',
        'tokenvault_lag_seconds_bucket{le="1"} 0',
        'tokenvault_lag_seconds_bucket{le="10"} 0',
        'tokenvault_lag_seconds_bucket{le="+Inf"} 0',
        'tokenvault_lag_seconds_sum 0',
        'tokenvault_lag_seconds_count 0',
      ),
    );
  });
});

describe('escaping', () => {
  it('escapes backslash, quote and newline in label values, and backslash and newline in help', () => {
    // An unescaped quote or newline would end the sample early and fail the whole scrape.
    const registry = createRegistry();
    registry.counter('tokenvault_odd_total', 'Path C:\\vault\nsecond line "quoted".', ['value']).inc({
      value: 'a"b\\c\nd',
    });
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_odd_total Path C:\\\\vault\\nsecond line "quoted".',
        '# TYPE tokenvault_odd_total counter',
        'tokenvault_odd_total{value="a\\"b\\\\c\\nd"} 1',
      ),
    );
  });

  it('keeps label sets apart even when values contain separators', () => {
    // Joining raw values with "," would merge {a="x",b="y,z"} with {a="x,y",b="z"}.
    const registry = createRegistry();
    const counter = registry.counter('tokenvault_pairs_total', 'Pairs.', ['a', 'b']);
    counter.inc({ a: 'x', b: 'y,z' });
    counter.inc({ a: 'x,y', b: 'z' });
    expect(registry.render()).toBe(
      lines(
        '# HELP tokenvault_pairs_total Pairs.',
        '# TYPE tokenvault_pairs_total counter',
        'tokenvault_pairs_total{a="x",b="y,z"} 1',
        'tokenvault_pairs_total{a="x,y",b="z"} 1',
      ),
    );
  });
});

describe('registry', () => {
  it('renders metrics in registration order', () => {
    // A stable order keeps scrapes diffable.
    const registry = createRegistry();
    registry.gauge('b_gauge', 'B.', []);
    registry.counter('a_total', 'A.', []);
    expect(registry.render()).toBe(
      lines(
        '# HELP b_gauge B.',
        '# TYPE b_gauge gauge',
        'b_gauge 0',
        '# HELP a_total A.',
        '# TYPE a_total counter',
        'a_total 0',
      ),
    );
  });

  it('renders nothing when empty', () => {
    expect(createRegistry().render()).toBe('');
  });
});

describe('programming errors', () => {
  const registry = createRegistry();
  const counter = registry.counter('tokenvault_calls_total', 'Calls.', ['provider']);
  registry.histogram('tokenvault_wait_seconds', 'Wait.', [], [1]);

  it.each<[string, () => unknown, RegExp]>([
    ['a name registered twice', () => registry.counter('tokenvault_calls_total', 'Again.', []), /already registered/],
    ['a name reused across types', () => registry.gauge('tokenvault_wait_seconds', 'Again.', []), /already registered/],
    ['an undeclared label', () => counter.inc({ provider: 'github', user: 'u1' }), /"user" is not declared/],
    ['a missing label', () => counter.inc({}), /"provider" is missing/],
    ['no labels at all', () => counter.inc(), /"provider" is missing/],
    ['a negative increment', () => counter.inc({ provider: 'github' }, -1), /non-negative/],
    ['a NaN increment', () => counter.inc({ provider: 'github' }, Number.NaN), /non-negative/],
    ['an invalid metric name', () => registry.counter('tokenvault-calls', 'Bad.', []), /not valid/],
    ['an invalid label name', () => registry.counter('tokenvault_x_total', 'Bad.', ['user-id']), /not valid/],
    ['a reserved label name', () => registry.counter('tokenvault_y_total', 'Bad.', ['__name']), /not valid/],
    ['a repeated label name', () => registry.counter('tokenvault_z_total', 'Bad.', ['a', 'a']), /repeats/],
    ['a histogram label named le', () => registry.histogram('tokenvault_h', 'Bad.', ['le'], [1]), /"le"/],
    ['descending buckets', () => registry.histogram('tokenvault_h2', 'Bad.', [], [1, 0.5]), /ascending/],
    ['an explicit +Inf bucket', () => registry.histogram('tokenvault_h3', 'Bad.', [], [1, Infinity]), /finite/],
  ])('throws a plain Error for %s', (_, misuse, message) => {
    // Misuse is a bug in the caller, so it fails loudly as Error rather than as a VaultError code.
    const err = errorFrom(misuse);
    expect(err.constructor).toBe(Error);
    expect(err.message).toMatch(message);
  });

  it('leaves the registry unchanged after rejected calls', () => {
    // A throwing call must not have registered a metric, created a series or counted anything first.
    const fresh = createRegistry();
    const calls = fresh.counter('tokenvault_calls_total', 'Calls.', ['provider']);
    errorFrom(() => calls.inc({ provider: 'github' }, -1));
    errorFrom(() => calls.inc({ provider: 'github', user: 'u1' }));
    errorFrom(() => fresh.histogram('tokenvault_h', 'Bad.', [], [2, 1]));
    expect(fresh.render()).toBe(lines('# HELP tokenvault_calls_total Calls.', '# TYPE tokenvault_calls_total counter'));
  });
});
