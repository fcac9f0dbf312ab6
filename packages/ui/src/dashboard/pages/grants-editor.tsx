import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { type Client, call } from '../admin-api.js';
import { Outcome } from '../parts.js';

const ROLES = ['credentials-reader', 'connections-manager', 'api-reader', 'api-caller', 'agent', 'admin'];

/** Time-boxed grants: how long a new grant lasts, in seconds (empty: until removed). */
const LIFETIMES: [string, string][] = [
  ['', s.grantForever],
  ['3600', s.grantFor('1 hour')],
  ['86400', s.grantFor('1 day')],
  ['604800', s.grantFor('7 days')],
  ['2592000', s.grantFor('30 days')],
];

/** "expires in 6 d 23 h", or "expired": a grant past its time no longer works but is listed until removed. */
export function timeLeft(expiresAt: string, now: number): string {
  const ms = Date.parse(expiresAt) - now;
  if (ms <= 0) return s.grantExpired;
  const minutes = Math.ceil(ms / 60_000);
  const [d, h, m] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const parts = d > 0 ? [`${d} d`, h > 0 ? `${h} h` : ''] : h > 0 ? [`${h} h`, m > 0 ? `${m} min` : ''] : [`${m} min`];
  return s.grantExpiresIn(parts.filter(Boolean).join(' '));
}

/**
 * A client's grants: remove one, or add a role on a resource pattern. The vault validates the pattern exactly as
 * its API does and its refusal is shown as it says it. A grant may be time-boxed: it stops working at its expiry.
 */
export function GrantsEditor({ env, client, changed }: { env: string; client: Client; changed: () => void }) {
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean } | null>(null);
  const path = `/clients/${encodeURIComponent(client.id)}/grants`;
  const run = (request: Promise<unknown>, done: string) =>
    request.then(
      () => {
        setOutcome({ text: done });
        changed();
      },
      (err: Error) => setOutcome({ text: err.message, error: true }),
    );
  const id = (name: string) => `g-${client.id}-${name}`;
  return (
    <section aria-label={s.grantsOf(client.name)}>
      <h3>{s.grants}</h3>
      {client.grants.length === 0 ? (
        <p className="tv-muted">{s.noGrants}</p>
      ) : (
        <ul className="tv-list">
          {client.grants.map((grant) => (
            <li key={`${grant.role} ${grant.resource}`}>
              {grant.role} — {grant.resource || s.wholeEnvironment}
              {grant.expiresAt && <span className="tv-muted"> ({timeLeft(grant.expiresAt, Date.now())})</span>}{' '}
              <button
                type="button"
                className="tv-button tv-secondary tv-small"
                onClick={() =>
                  run(
                    call(
                      env,
                      'DELETE',
                      `${path}?${new URLSearchParams({ role: grant.role, resource: grant.resource })}`,
                    ),
                    s.grantRemoved,
                  )
                }
              >
                {s.removeGrant(grant.role, grant.resource || s.wholeEnvironment)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="tv-filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const seconds = Number(form.get('lifetime') || 0);
          const grant = {
            role: String(form.get('role')),
            resource: String(form.get('resource') ?? '').trim(),
            ...(seconds > 0 && { expiresAt: new Date(Date.now() + seconds * 1000).toISOString() }),
          };
          run(call(env, 'POST', path, grant), s.grantAdded);
        }}
      >
        <div className="tv-filter">
          <label className="tv-label" htmlFor={id('role')}>
            {s.role}
          </label>
          <select className="tv-input" id={id('role')} name="role">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </div>
        <div className="tv-filter">
          <label className="tv-label" htmlFor={id('resource')}>
            {s.resource}
          </label>
          <input className="tv-input" id={id('resource')} name="resource" placeholder="connections/*/users/*" />
        </div>
        <div className="tv-filter">
          <label className="tv-label" htmlFor={id('lifetime')}>
            {s.grantLifetime}
          </label>
          <select className="tv-input" id={id('lifetime')} name="lifetime">
            {LIFETIMES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="tv-button tv-small">
          {s.addGrant}
        </button>
      </form>
      <Outcome text={outcome?.text ?? null} error={outcome?.error ?? false} />
    </section>
  );
}
