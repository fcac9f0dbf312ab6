import { type ReactNode, useEffect, useRef } from 'react';
import { strings } from '../strings.js';

export interface Branding {
  name: string | null;
  logoUrl: string | null;
  accentColor: string | null;
  supportUrl: string | null;
}

/** The frame every screen of the browser apps sits in: the app's logo and name, the screen, a support link. */
export function Layout({ app, children }: { app: Branding | null; children: ReactNode }) {
  const name = app?.name ?? null;
  useEffect(() => {
    // Through the CSSOM, which the style-src policy allows; no inline style attribute is ever written.
    if (app?.accentColor) document.documentElement.style.setProperty('--accent', app.accentColor);
  }, [app?.accentColor]);
  return (
    <div className="tv-shell">
      <header className="tv-header">
        {app?.logoUrl && (
          <img className="tv-logo" src={app.logoUrl} alt={strings.logoAlt(name ?? strings.defaultAppName)} />
        )}
        {name && <span className="tv-app-name">{name}</span>}
      </header>
      <main className="tv-main">{children}</main>
      {app?.supportUrl && (
        <footer className="tv-footer">
          <a href={app.supportUrl} rel="noreferrer" target="_blank">
            {strings.support}
          </a>
        </footer>
      )}
    </div>
  );
}

/** One screen: its heading takes the focus when it appears, so keyboard and screen-reader users follow along. */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyed by the title: React reuses this component from one screen to the next.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title is the screen; a new one moves the focus
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className="tv-screen" aria-labelledby="tv-heading">
      <h1 id="tv-heading" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </section>
  );
}
