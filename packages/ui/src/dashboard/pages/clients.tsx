import { useState } from 'react';
import { dashboardStrings as s } from '../../strings.js';
import { base, type Client, call, type Page } from '../admin-api.js';
import { CopyButton, Loaded, Outcome, time } from '../parts.js';
import { type Column, Table } from '../table.js';
import { useLoad } from '../use-load.js';
import { GrantsEditor } from './grants-editor.js';
import type { PageProps } from './page-props.js';

interface NewKey {
  clientId: string;
  keyId: string;
  accessKey: string;
}

// A key's columns before its status, whose cell revokes it.
const keyColumns: Column<Client['keys'][number]>[] = [
  { header: s.keyId, cell: (key) => key.id },
  { header: s.created, cell: (key) => time(key.createdAt) },
  { header: s.expires, cell: (key) => time(key.expiresAt) },
  { header: s.lastUsed, cell: (key) => time(key.lastUsedAt), field: 'lastUsedAt' },
];

/** Service clients: create one (its key shown once), add and revoke keys, edit grants. Admins only. */
export function ClientsPage({ env, role }: PageProps) {
  return role === 'admin' ? <Clients env={env} /> : <p className="tv-notice">{s.adminsOnly}</p>;
}

function Clients({ env }: { env: string }) {
  const [load, reload] = useLoad(() => call<Page<Client>>(env, 'GET', '/clients'), [env]);
  const [created, setCreated] = useState<NewKey | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; error?: boolean } | null>(null);
  const act = (run: () => Promise<unknown>, done: string) =>
    run().then(
      () => {
        setOutcome({ text: done });
        reload();
      },
      (err: Error) => setOutcome({ text: err.message, error: true }),
    );
  return (
    <>
      <form
        className="tv-filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const name = String(new FormData(form).get('name') ?? '').trim();
          call<{ client: Client; keyId: string; accessKey: string }>(env, 'POST', '/clients', { name }).then(
            (answer) => {
              setCreated({ clientId: answer.client.id, keyId: answer.keyId, accessKey: answer.accessKey });
              setOutcome(null);
              form.reset();
              reload();
            },
            (err: Error) => setOutcome({ text: err.message, error: true }),
          );
        }}
      >
        <div className="tv-filter">
          <label className="tv-label" htmlFor="c-name">
            {s.clientName}
          </label>
          <input className="tv-input" id="c-name" name="name" required maxLength={200} />
        </div>
        <button type="submit" className="tv-button">
          {s.createClient}
        </button>
      </form>
      {created && <KeyOnce created={created} />}
      <Outcome text={outcome?.text ?? null} error={outcome?.error ?? false} />
      <Loaded load={load} empty={(page) => page.items.length === 0} emptyText={s.noClients}>
        {(page) => (
          <ul className="tv-cards">
            {page.items.map((client) => {
              const path = `/clients/${encodeURIComponent(client.id)}`;
              return (
                <li key={client.id} className="tv-card" data-client={client.id}>
                  <h2>{client.name}</h2>
                  <p className="tv-muted">
                    {client.id} · {s.created} {time(client.createdAt)}
                  </p>
                  <h3>{s.keysOf(client.name)}</h3>
                  <Table
                    label={s.keysOf(client.name)}
                    columns={[
                      ...keyColumns,
                      {
                        header: s.statusLabel,
                        cell: (key) =>
                          key.revokedAt ? (
                            s.revokedAt(time(key.revokedAt))
                          ) : (
                            <button
                              type="button"
                              className="tv-button tv-secondary tv-small"
                              onClick={() =>
                                act(
                                  () => call(env, 'DELETE', `${path}/keys/${encodeURIComponent(key.id)}`),
                                  s.keyRevoked(key.id),
                                )
                              }
                            >
                              {s.revokeKey(key.id)}
                            </button>
                          ),
                      },
                    ]}
                    rows={client.keys}
                    rowKey={(key) => key.id}
                    rowData={(key) => ({ 'data-key': key.id })}
                  />
                  <button
                    type="button"
                    className="tv-button tv-secondary tv-small"
                    onClick={() =>
                      call<{ keyId: string; accessKey: string }>(env, 'POST', `${path}/keys`, {}).then(
                        (key) => {
                          setCreated({ clientId: client.id, ...key });
                          reload();
                        },
                        (err: Error) => setOutcome({ text: err.message, error: true }),
                      )
                    }
                  >
                    {s.addKey}
                  </button>
                  <GrantsEditor env={env} client={client} changed={reload} />
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </>
  );
}

/** A new access key: shown here once (the vault keeps only its public half), with a curl line that uses it. */
function KeyOnce({ created }: { created: NewKey }) {
  const curl = `curl -X POST "${base}/v1/users/USER_ID/connected-accounts/ACCOUNT_ID/access-token" -H "authorization: Bearer $(npx tokenvault token --key '${created.accessKey}' --url '${base}')"`;
  return (
    <section className="tv-notice" aria-labelledby="key-heading">
      <h2 id="key-heading">{s.keyOnceHeading}</h2>
      <p>{s.keyOnceBody}</p>
      <p>
        <code data-field="accessKey">{created.accessKey}</code>
      </p>
      <p className="tv-actions">
        <CopyButton text={created.accessKey} label={s.copyKey} />
        <CopyButton text={curl} label={s.copyCurl} />
      </p>
      <pre className="tv-pre">{curl}</pre>
    </section>
  );
}
