import { isRecord } from './session.js';

/** What the hosted connect page hands back: the account it linked, or why there is none. */
export type ConnectPageResult =
  | { connected: string; provider: string }
  | {
      /** From the page: `consent_denied`, `provider_error`, `session_expired`, `cancelled`; here: `closed`, `popup_blocked`. */
      error: string;
      provider?: string;
    };

/** Your backend's answer to `POST /v1/connect-sessions` (sdk-node `createConnectSession`), or its `connectUrl`. */
export type ConnectSessionLike = { connectUrl: string } | string;

export interface OpenConnectOptions {
  /** The connect session, or a function that asks your backend for one (called after the popup opened). */
  session: ConnectSessionLike | (() => Promise<ConnectSessionLike>);
}

const WIDTH = 520;
const HEIGHT = 760;

/**
 * Opens the vault's hosted connect page in a popup and resolves with what it posts back to this page's origin
 * (which the vault checks against its `appOrigins`). Call it inside a click: the popup opens at once and goes to the
 * page when the session is known. Never rejects for the user's choices: a blocked popup resolves
 * `{ error: 'popup_blocked' }` (send the user to `connectUrl` instead, with a `returnUrl`), a closed one `closed`.
 */
export function openConnect(options: OpenConnectOptions): Promise<ConnectPageResult> {
  const left = window.screen.width / 2 - WIDTH / 2;
  const top = window.screen.height / 2 - HEIGHT / 2;
  const popup = window.open('', 'tokenvault-connect', `popup,width=${WIDTH},height=${HEIGHT},top=${top},left=${left}`);
  if (!popup || popup.closed) return Promise.resolve({ error: 'popup_blocked' });
  return sessionUrl(options.session).then(
    (page) => {
      popup.location.replace(page.href);
      return waitForResult(popup, page.origin);
    },
    (err: unknown) => {
      popup.close();
      throw err;
    },
  );
}

async function sessionUrl(session: OpenConnectOptions['session']): Promise<URL> {
  const given = typeof session === 'function' ? await session() : session;
  const url = new URL(typeof given === 'string' ? given : given.connectUrl);
  // The page posts its result only to an origin it is told and the vault allows.
  const fragment = new URLSearchParams(url.hash.slice(1));
  fragment.set('opener', window.location.origin);
  url.hash = fragment.toString();
  return url;
}

function waitForResult(popup: Window, vaultOrigin: string): Promise<ConnectPageResult> {
  return new Promise((resolve) => {
    let closedOnce = false;
    const finish = (result: ConnectPageResult) => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
      resolve(result);
    };
    function onMessage(event: MessageEvent) {
      if (event.source !== popup || event.origin !== vaultOrigin || !isRecord(event.data)) return;
      const { type, connected, error, provider } = event.data;
      if (type !== 'tokenvault:connect') return;
      const from = typeof provider === 'string' ? { provider } : {};
      if (typeof connected === 'string' && typeof provider === 'string') finish({ connected, provider });
      else finish({ error: typeof error === 'string' ? error : 'provider_error', ...from });
    }
    const timer = setInterval(() => {
      if (!popup.closed) return;
      // One more tick: the page posts just before it closes, and its message may still be queued.
      if (!closedOnce) {
        closedOnce = true;
        return;
      }
      finish({ error: 'closed' });
    }, 250);
    window.addEventListener('message', onMessage);
  });
}
