import { useEffect, useRef, useState } from 'react';
import {
  ApiError,
  type ConnectPageState,
  type PageProvider,
  readSession,
  redeemSession,
  startUrl,
  vaultBase,
} from '../shared/api-client.js';
import { Layout, Screen } from '../shared/layout.js';
import { strings } from '../strings.js';
import { backToApp, canGoBack } from './back-to-app.js';
import { type AuthorizationMessage, isWebView, openPopup, watchPopup } from './consent.js';
import { ExpiredScreen, type Outcome, OutcomeScreen } from './outcome.js';
import { readPageLocation } from './page-location.js';
import { ParamForm } from './param-form.js';
import { AccountList, ProviderList } from './provider-list.js';

type View =
  | { name: 'loading' }
  | { name: 'expired' }
  | { name: 'failed'; message: string }
  | { name: 'choose'; notice?: string }
  | { name: 'params'; provider: PageProvider }
  | { name: 'waiting'; provider: PageProvider; cancel: () => void }
  | { name: 'outcome'; outcome: Outcome };

/** The connect page: redeem the link, pick a provider, consent in a popup (or by redirect), show the outcome. */
export function ConnectApp() {
  const [state, setState] = useState<ConnectPageState | null>(null);
  const [view, setView] = useState<View>({ name: 'loading' });
  const base = vaultBase(window.location);
  const opener = useRef<string | null>(null);

  function failed(err: unknown) {
    if (err instanceof ApiError && err.status === 401) setView({ name: 'expired' });
    else setView({ name: 'failed', message: err instanceof Error ? err.message : String(err) });
  }

  // Once per page load: the page's location and the session are read at mount; `failed` only sets state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the API base changes, not per render
  useEffect(() => {
    const page = readPageLocation(window.location);
    opener.current = page.opener;
    // The token leaves the address bar (and the history) at once; a reload reads the session cookie instead.
    window.history.replaceState(null, '', page.cleanUrl);
    const load = page.token ? redeemSession(base, page.token, page.opener) : readSession(base, page.opener);
    load.then((loaded) => {
      setState(loaded);
      const returned = page.returned;
      const provider = returned && loaded.providers.find((p) => p.id === returned.provider);
      if (!returned || !provider) return setView({ name: 'choose' });
      if (returned.connected) {
        const name = loaded.accounts.find((a) => a.id === returned.connected)?.displayName ?? null;
        return setView({
          name: 'outcome',
          outcome: { kind: 'connected', provider, accountId: returned.connected, accountName: name },
        });
      }
      const kind = returned.code === 'consent_denied' ? 'denied' : 'error';
      setView({
        name: 'outcome',
        outcome: kind === 'denied' ? { kind, provider } : { kind, provider, message: returned.message },
      });
    }, failed);
  }, [base]);

  /** Refreshes the accounts; a session that has run out shows the expired screen. */
  async function refresh(): Promise<ConnectPageState | null> {
    try {
      const fresh = await readSession(base, opener.current);
      setState(fresh);
      return fresh;
    } catch (err) {
      failed(err);
      return null;
    }
  }

  function pick(provider: PageProvider) {
    if (provider.params.length > 0) setView({ name: 'params', provider });
    else void consent(provider, {});
  }

  async function consent(provider: PageProvider, values: Record<string, string>) {
    // Opened now, while the click still counts as one, and pointed at the provider once the session is checked.
    const popup = isWebView(navigator.userAgent) ? null : openPopup();
    // A flow started without a live session would link the account to nobody's app user: check first.
    const fresh = await refresh();
    if (!fresh) return popup?.close();
    if (!popup) {
      const back = new URL(`${base}/connect`);
      back.searchParams.set('provider', provider.id);
      if (opener.current) back.searchParams.set('opener', opener.current);
      const url = startUrl(base, fresh, provider.id, values, { mode: 'redirect', redirectUrl: back.href });
      return window.location.assign(url);
    }
    const url = startUrl(base, fresh, provider.id, values, { mode: 'popup' });
    const watch = watchPopup(
      popup,
      url,
      (message) => finished(provider, message),
      () => {
        setView({ name: 'choose', notice: strings.popupClosed });
        void refresh();
      },
    );
    setView({ name: 'waiting', provider, cancel: watch.cancel });
  }

  function finished(provider: PageProvider, message: AuthorizationMessage) {
    void refresh();
    if ('response' in message) {
      const profile = message.response.profile;
      const accountName = profile?.displayName ?? profile?.email ?? null;
      return setView({
        name: 'outcome',
        outcome: { kind: 'connected', provider, accountId: message.response.accountId, accountName },
      });
    }
    const denied = message.error.name === 'access_denied' && /\baccess_denied\b/.test(message.error.message);
    setView({
      name: 'outcome',
      outcome: denied ? { kind: 'denied', provider } : { kind: 'error', provider, message: message.error.message },
    });
  }

  return <Layout app={state?.app ?? null}>{render()}</Layout>;

  function render() {
    const app = state?.app.name ?? strings.defaultAppName;
    switch (view.name) {
      case 'loading':
        return <p role="status">{strings.loading}</p>;
      case 'expired':
        return <ExpiredScreen state={state} onTryAgain={() => window.location.reload()} />;
      case 'failed':
        return (
          <Screen title={strings.errorHeading(app)}>
            <p className="tv-detail">{view.message}</p>
          </Screen>
        );
      case 'params':
        return (
          <Screen title={strings.paramsHeading(view.provider.displayName)}>
            <p>{strings.paramsIntro(view.provider.displayName)}</p>
            <ParamForm
              provider={view.provider}
              onSubmit={(values) => void consent(view.provider, values)}
              onCancel={() => setView({ name: 'choose' })}
            />
          </Screen>
        );
      case 'waiting':
        return (
          <Screen title={strings.waitingHeading(view.provider.displayName)}>
            <p role="status">{strings.waitingIntro}</p>
            <div className="tv-actions">
              <button
                type="button"
                className="tv-button tv-secondary"
                onClick={() => {
                  view.cancel();
                  setView({ name: 'choose' });
                }}
              >
                {strings.cancel}
              </button>
            </div>
          </Screen>
        );
      case 'outcome':
        return (
          <OutcomeScreen
            state={state as ConnectPageState}
            outcome={view.outcome}
            onTryAgain={() =>
              view.outcome.kind === 'connected' ? setView({ name: 'choose' }) : pick(view.outcome.provider)
            }
          />
        );
      case 'choose': {
        const loaded = state as ConnectPageState;
        return (
          <Screen title={strings.chooseHeading(app)}>
            {view.notice && (
              <p className="tv-notice" role="status">
                {view.notice}
              </p>
            )}
            <p>{strings.chooseIntro}</p>
            <ProviderList base={base} providers={loaded.providers} accounts={loaded.accounts} onPick={pick} />
            <AccountList accounts={loaded.accounts} providers={loaded.providers} />
            {canGoBack(loaded) && (
              <div className="tv-actions">
                <button
                  type="button"
                  className="tv-button tv-secondary"
                  data-action="back"
                  onClick={() => backToApp(loaded, { error: 'cancelled' })}
                >
                  {strings.backTo(app)}
                </button>
              </div>
            )}
          </Screen>
        );
      }
    }
  }
}
