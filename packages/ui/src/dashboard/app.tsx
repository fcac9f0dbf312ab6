import { useEffect, useRef, useState } from 'react';
import { dashboardStrings as s } from '../strings.js';
import { base, call, type OperatorSession } from './admin-api.js';
import { AccountsPage } from './pages/accounts.js';
import { AuditPage } from './pages/audit.js';
import { ClientsPage } from './pages/clients.js';
import { OverviewPage } from './pages/overview.js';
import { ProvidersPage } from './pages/providers.js';
import { WebhooksPage } from './pages/webhooks.js';
import { Loaded } from './parts.js';
import { useLoad } from './use-load.js';

const PAGES = {
  overview: OverviewPage,
  accounts: AccountsPage,
  providers: ProvidersPage,
  clients: ClientsPage,
  audit: AuditPage,
  webhooks: WebhooksPage,
} as const;
type PageName = keyof typeof PAGES;

const pageOf = (hash: string): PageName => {
  const name = hash.replace(/^#\/?/, '');
  return name in PAGES ? (name as PageName) : 'overview';
};

/** The dashboard: the signed-in operator's session, an environment, and one page at a time (`#/<page>`). */
export function DashboardApp() {
  const [load] = useLoad(() => call<OperatorSession | { signedIn: false }>(null, 'GET', '/operator-session'), []);
  return (
    <div className="tv-dash">
      <Loaded load={load}>{(session) => (session.signedIn ? <SignedIn session={session} /> : <SignIn />)}</Loaded>
    </div>
  );
}

function SignIn() {
  return (
    <main className="tv-dash-main">
      <h1>{s.title}</h1>
      <p>{s.signInIntro}</p>
      <a className="tv-button" href={`${base}/dashboard/login`}>
        {s.signIn}
      </a>
    </main>
  );
}

function SignedIn({ session }: { session: OperatorSession }) {
  const [page, setPage] = useState<PageName>(pageOf(location.hash));
  const [env, setEnv] = useState(session.environments[0]?.name ?? '');
  // A click on the page's own link starts it afresh (the account list again, from an account's detail).
  const [visit, setVisit] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const follow = () => setPage(pageOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // A new page moves the focus to its heading, so keyboard and screen-reader users follow along.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the page is what moves the focus
  useEffect(() => heading.current?.focus(), [page]);
  const role = session.environments.find((e) => e.name === env)?.role ?? 'viewer';
  const Page = PAGES[page];
  return (
    <>
      <header className="tv-dash-header">
        <span className="tv-app-name">{s.title}</span>
        <nav aria-label={s.pagesNav}>
          <ul className="tv-nav">
            {(Object.keys(PAGES) as PageName[]).map((name) => (
              <li key={name}>
                <a
                  href={`#/${name}`}
                  aria-current={name === page ? 'page' : undefined}
                  onClick={() => setVisit((n) => n + 1)}
                >
                  {s.pageTitle[name]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="tv-who">
          <label className="tv-label" htmlFor="env">
            {s.environment}
          </label>
          <select className="tv-input" id="env" value={env} onChange={(event) => setEnv(event.target.value)}>
            {session.environments.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
          <span data-field="role">{s.signedInAs(session.email ?? session.name ?? session.subject, role)}</span>
          <button
            type="button"
            className="tv-button tv-secondary tv-small"
            onClick={() => call(null, 'DELETE', '/operator-session').then(() => location.reload())}
          >
            {s.signOut}
          </button>
        </div>
      </header>
      <main className="tv-dash-main">
        <h1 tabIndex={-1} ref={heading}>
          {s.pageTitle[page]}
        </h1>
        <Page key={`${page} ${env} ${visit}`} env={env} role={role} />
      </main>
    </>
  );
}
