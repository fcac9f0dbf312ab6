/** One value per label name declared at registration, and no other names. */
export type Labels = Readonly<Record<string, string>>;

export type Counter = { inc(labels?: Labels, by?: number): void };
export type Histogram = { observe(labels: Labels | undefined, value: number): void };
export type Gauge = {
  set(labels: Labels | undefined, value: number): void;
  inc(labels?: Labels, by?: number): void;
  dec(labels?: Labels, by?: number): void;
};

export type Registry = {
  counter(name: string, help: string, labelNames: readonly string[]): Counter;
  gauge(name: string, help: string, labelNames: readonly string[]): Gauge;
  /** `buckets` are finite upper bounds in ascending order; `+Inf` is always added. */
  histogram(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]): Histogram;
  /** Prometheus text exposition format 0.0.4. */
  render(): string;
};

// One shape for every type; a histogram keeps its sum in `value` and per-bucket (not cumulative) `counts`.
type Series = { value: number; count: number; counts: number[] };
type Kind = 'counter' | 'gauge' | 'histogram';
type Family = { name: string; help: string; type: Kind; bounds: readonly number[]; series: Map<string, Series> };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^(?!__)[a-zA-Z_][a-zA-Z0-9_]*$/; // a leading `__` is reserved for Prometheus
// Hoisted so the per-inc escape creates no regex or closure.
const LABEL_VALUE_ESCAPE = /[\\"\n]/g;
const escapeChar = (c: string) => (c === '\n' ? '\\n' : `\\${c}`);

/** A dependency-free registry; misuse (bad names, wrong labels, negative counter steps) throws `Error`. */
export function createRegistry(): Registry {
  const families = new Map<string, Family>();

  function register(spec: Omit<Family, 'series'>, labelNames: readonly string[]) {
    const { name, bounds } = spec;
    if (!METRIC_NAME.test(name)) throw new Error(`metric name "${name}" is not valid`);
    if (families.has(name)) throw new Error(`metric "${name}" is already registered`);
    const bad = labelNames.find((label, i) => !LABEL_NAME.test(label) || labelNames.indexOf(label) !== i);
    if (bad !== undefined) throw new Error(`${name}: label name "${bad}" is not valid or repeats`);
    const series = new Map<string, Series>();
    const fresh = (): Series => ({ value: 0, count: 0, counts: new Array<number>(bounds.length).fill(0) });
    // A label-less series exists from the start, so rate() and absent() see it before the first event.
    if (labelNames.length === 0) series.set('', fresh());
    families.set(name, { ...spec, series });
    return (labels: Labels | undefined): Series => {
      const key = seriesKey(name, labelNames, labels);
      if (!series.has(key)) series.set(key, fresh());
      return series.get(key) as Series;
    };
  }

  return {
    counter(name, help, labelNames) {
      const get = register({ name, help, type: 'counter', bounds: [] }, labelNames);
      return {
        inc(labels, by = 1) {
          if (!(by >= 0)) throw new Error(`${name}: counter increment must be non-negative, got ${by}`);
          get(labels).value += by;
        },
      };
    },
    gauge(name, help, labelNames) {
      const get = register({ name, help, type: 'gauge', bounds: [] }, labelNames);
      return {
        set(labels, value) {
          get(labels).value = value;
        },
        inc(labels, by = 1) {
          get(labels).value += by;
        },
        dec(labels, by = 1) {
          get(labels).value -= by;
        },
      };
    },
    histogram(name, help, labelNames, buckets) {
      if (labelNames.includes('le')) throw new Error(`${name}: "le" is the bucket label and cannot be declared`);
      const bounds = [...buckets]; // a copy, so the caller changing its array later cannot skew the counts
      const ascending = bounds.every((b, i) => Number.isFinite(b) && b > (bounds[i - 1] ?? -Infinity));
      if (!ascending) throw new Error(`${name}: buckets must be finite and strictly ascending`);
      const get = register({ name, help, type: 'histogram', bounds }, labelNames);
      return {
        observe(labels, value) {
          const s = get(labels);
          // One slot per observation, summed at render; a plain loop allocates nothing. NaN lands in +Inf only.
          let i = 0;
          while (i < bounds.length && !(value <= (bounds[i] as number))) i++;
          if (i < bounds.length) s.counts[i] = (s.counts[i] as number) + 1;
          s.value += value;
          s.count += 1;
        },
      };
    },
    render() {
      return [...families.values()].map(renderFamily).join('');
    },
  };
}

// The key is the rendered label text: unique per label set, since escaping leaves no bare quote.
function seriesKey(name: string, labelNames: readonly string[], labels: Labels | undefined): string {
  let key = '';
  for (const label of labelNames) {
    const value = labels?.[label];
    if (typeof value !== 'string') throw new Error(`${name}: label "${label}" is missing`);
    key += `${key ? ',' : ''}${label}="${value.replace(LABEL_VALUE_ESCAPE, escapeChar)}"`;
  }
  for (const label in labels) {
    if (!labelNames.includes(label)) throw new Error(`${name}: label "${label}" is not declared`);
  }
  return key;
}

function renderFamily({ name, help, type, bounds, series }: Family): string {
  let text = `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${type}\n`;
  for (const [key, s] of series) {
    if (type !== 'histogram') {
      text += sample(name, key, s.value);
      continue;
    }
    const prefix = key ? `${key},` : '';
    let cumulative = 0;
    bounds.forEach((bound, i) => {
      cumulative += s.counts[i] as number;
      text += `${name}_bucket{${prefix}le="${formatNumber(bound)}"} ${cumulative}\n`;
    });
    text += `${name}_bucket{${prefix}le="+Inf"} ${s.count}\n`;
    text += sample(`${name}_sum`, key, s.value) + sample(`${name}_count`, key, s.count);
  }
  return text;
}

function sample(name: string, key: string, value: number): string {
  return `${name}${key ? `{${key}}` : ''} ${formatNumber(value)}\n`;
}

// String() already spells NaN as Prometheus does, but says "Infinity".
function formatNumber(value: number): string {
  return value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : String(value);
}
