import { type ReactNode, useState } from 'react';
import { dashboardStrings as s } from '../strings.js';
import type { Load } from './use-load.js';

/** What every page shows for its data: a loading line, the error, an empty note, or the data. */
export function Loaded<T>(props: {
  load: Load<T>;
  empty?: (value: T) => boolean;
  emptyText?: string;
  children: (value: T) => ReactNode;
}) {
  const { load } = props;
  if (load.state === 'loading') {
    return (
      <p className="tv-muted" role="status">
        {s.loading}
      </p>
    );
  }
  if (load.state === 'error') {
    return (
      <p className="tv-notice tv-error" role="alert">
        {s.loadFailed(load.message)}
      </p>
    );
  }
  if (props.empty?.(load.value)) return <p className="tv-muted">{props.emptyText ?? s.empty}</p>;
  return <>{props.children(load.value)}</>;
}

export function time(iso: string | null): string {
  return iso === null ? '—' : new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' });
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`tv-badge tv-badge-${status}`}>{s.status[status] ?? status}</span>;
}

/** Copies `text`, and says so where screen readers hear it. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="tv-button tv-secondary tv-small"
      onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true))}
    >
      {label}
      <span aria-live="polite">{copied ? ` ${s.copied}` : ''}</span>
    </button>
  );
}

/** A change's outcome, announced. */
export function Outcome({ text, error }: { text: string | null; error?: boolean }) {
  if (text === null) return null;
  return (
    <p className={error ? 'tv-notice tv-error' : 'tv-notice'} role={error ? 'alert' : 'status'}>
      {text}
    </p>
  );
}

/** Cursor pages: the cursors of the pages before this one, and the next page's. */
export function Pager(props: { history: string[]; next: string | null; go: (history: string[]) => void }) {
  const { history, next, go } = props;
  return (
    <nav className="tv-pager" aria-label={s.pages}>
      <button
        type="button"
        className="tv-button tv-secondary tv-small"
        disabled={history.length === 0}
        onClick={() => go(history.slice(0, -1))}
      >
        {s.previous}
      </button>
      <button
        type="button"
        className="tv-button tv-secondary tv-small"
        disabled={next === null}
        onClick={() => next && go([...history, next])}
      >
        {s.next}
      </button>
    </nav>
  );
}

export function Field(props: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="tv-filter">
      <label className="tv-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}
