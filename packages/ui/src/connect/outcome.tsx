import type { ConnectPageState, PageProvider } from '../shared/api-client.js';
import { Screen } from '../shared/layout.js';
import { strings } from '../strings.js';
import { backToApp, type ConnectResult, canGoBack } from './back-to-app.js';

export type Outcome =
  | { kind: 'connected'; provider: PageProvider; accountId: string; accountName: string | null }
  | { kind: 'denied'; provider: PageProvider }
  | { kind: 'error'; provider: PageProvider; message: string | null };

function resultOf(outcome: Outcome): ConnectResult {
  const provider = outcome.provider.id;
  if (outcome.kind === 'connected') return { connected: outcome.accountId, provider };
  return { error: outcome.kind === 'denied' ? 'consent_denied' : 'provider_error', provider };
}

function BackButton({ state, result }: { state: ConnectPageState | null; result: ConnectResult }) {
  if (!state || !canGoBack(state)) return null;
  return (
    <button type="button" className="tv-button" data-action="back" onClick={() => backToApp(state, result)}>
      {strings.backTo(state.app.name ?? strings.defaultAppName)}
    </button>
  );
}

/** One screen per outcome, each with "Try again" and "Back to <app>". */
export function OutcomeScreen(props: { state: ConnectPageState; outcome: Outcome; onTryAgain: () => void }) {
  const { outcome, state } = props;
  const name = outcome.provider.displayName;
  const tryAgain = (
    <button type="button" className="tv-button tv-secondary" data-action="try-again" onClick={props.onTryAgain}>
      {outcome.kind === 'connected' ? strings.connectAnother : strings.tryAgain}
    </button>
  );
  const actions = (
    <div className="tv-actions">
      <BackButton state={state} result={resultOf(outcome)} />
      {tryAgain}
    </div>
  );
  if (outcome.kind === 'connected') {
    return (
      <Screen title={strings.connectedHeading(name)}>
        <p data-outcome="connected">{strings.connectedBody(outcome.accountName, name)}</p>
        {actions}
      </Screen>
    );
  }
  if (outcome.kind === 'denied') {
    return (
      <Screen title={strings.deniedHeading}>
        <p data-outcome="denied">{strings.deniedBody(name)}</p>
        {actions}
      </Screen>
    );
  }
  return (
    <Screen title={strings.errorHeading(name)}>
      <p data-outcome="error">{strings.errorBody}</p>
      {outcome.message && <p className="tv-detail">{strings.errorDetail(outcome.message)}</p>}
      {actions}
    </Screen>
  );
}

/** The link is used, forged or past its time, or the session ran out while the page was open. */
export function ExpiredScreen({ state, onTryAgain }: { state: ConnectPageState | null; onTryAgain: () => void }) {
  const app = state?.app.name ?? strings.defaultAppName;
  return (
    <Screen title={strings.expiredHeading}>
      <p data-outcome="expired">{strings.expiredBody(app)}</p>
      <div className="tv-actions">
        <BackButton state={state} result={{ error: 'session_expired' }} />
        <button type="button" className="tv-button tv-secondary" data-action="try-again" onClick={onTryAgain}>
          {strings.tryAgain}
        </button>
      </div>
    </Screen>
  );
}
