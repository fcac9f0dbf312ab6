import type { ConnectPageState } from '../shared/api-client.js';

/** What the app gets back: the linked account, or why there is none. */
export type ConnectResult =
  | { connected: string; provider: string }
  | { error: 'consent_denied' | 'provider_error' | 'session_expired' | 'cancelled'; provider?: string };

/** The app opened the page as a popup and named its origin, which the vault checked against appOrigins. */
function opener(state: ConnectPageState | null): Window | null {
  return state?.openerOrigin && window.opener ? (window.opener as Window) : null;
}

export function canGoBack(state: ConnectPageState | null): boolean {
  return Boolean(opener(state) || state?.returnUrl);
}

/**
 * To the app: as a message to the exact origin that opened the page, or to `returnUrl` with `?connected=<id>` or
 * `?error=<code>`.
 */
export function backToApp(state: ConnectPageState, result: ConnectResult): void {
  const app = opener(state);
  if (app && state.openerOrigin) {
    app.postMessage({ type: 'tokenvault:connect', ...result }, state.openerOrigin);
    window.close();
    return;
  }
  if (!state.returnUrl) return;
  const url = new URL(state.returnUrl);
  if ('connected' in result) url.searchParams.set('connected', result.connected);
  else url.searchParams.set('error', result.error);
  window.location.assign(url.href);
}
