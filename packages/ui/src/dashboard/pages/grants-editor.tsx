import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { type Client, call } from '../admin-api.js';
import { Outcome } from '../parts.js';

const ROLES = ['credentials-reader', 'connections-manager', 'api-reader', 'api-caller', 'admin'];

/**
 * A client's grants: remove one, or add a role on a resource pattern. The vault validates the pattern exactly as
 * its API does and its refusal is shown as it says it; the form is a list of fields, so one more can be added.
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
              {grant.role} — {grant.resource || s.wholeEnvironment}{' '}
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
          const grant = { role: String(form.get('role')), resource: String(form.get('resource') ?? '').trim() };
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
        <button type="submit" className="tv-button tv-small">
          {s.addGrant}
        </button>
      </form>
      <Outcome text={outcome?.text ?? null} error={outcome?.error ?? false} />
    </section>
  );
}
