import { PopupBlockedError, PopupClosedError, RejectedError, VaultAuthError } from './errors.js';
import { isRecord } from './session.js';

const WIDTH = 450;
const HEIGHT = 730;
let opened = 0;

/** Opens the login popup. Synchronous, so that it can run inside the user's click (Safari requires it). */
export function openPopup(url: string, provider: string): Window {
  const left = window.screen.width / 2 - WIDTH / 2;
  const top = window.screen.height / 2 - HEIGHT / 2;
  const features = `menubar=no,location=no,resizable=no,scrollbars=no,status=no,width=${WIDTH},height=${HEIGHT},top=${top},left=${left}`;
  // A fresh name each time: reusing one lets the next login land in the previous popup while it closes itself,
  // which then fails as "closed" (Backstage's named window).
  opened += 1;
  const popup = window.open(url, `tokenvault-${provider}-login-${opened}`, features);
  if (!popup || popup.closed) throw new PopupBlockedError();
  return popup;
}

/**
 * Waits for the vault's answer in `popup`: `config_info`, then `authorization_response`, both from the vault's
 * origin. Resolves the response, or rejects when it is an error or the popup closes without one.
 */
export function waitForPopup(popup: Window, vaultOrigin: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let targetOrigin: string | undefined;
    let closedOnce = false;
    const finish = () => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
    };
    function onMessage(event: MessageEvent) {
      // Any other window (or a page the popup navigated to elsewhere) may post to us too; only the vault answers.
      if (event.source !== popup || event.origin !== vaultOrigin || !isRecord(event.data)) return;
      const { type, targetOrigin: origin, response, error } = event.data;
      if (type === 'config_info' && typeof origin === 'string') targetOrigin = origin;
      if (type !== 'authorization_response') return;
      finish();
      if (error === undefined) resolve(response);
      else reject(loginError(error));
    }
    const timer = setInterval(() => {
      if (!popup.closed) return;
      // One more tick: the vault posts just before it closes, and its messages may still be queued (Backstage #3785).
      if (!closedOnce) {
        closedOnce = true;
        return;
      }
      finish();
      reject(new PopupClosedError(originMismatch(targetOrigin)));
    }, 100);
    window.addEventListener('message', onMessage);
  });
}

/** The most common misconfiguration: the vault posted its result to another origin, so this page never saw it. */
function originMismatch(targetOrigin: string | undefined): string | undefined {
  if (targetOrigin === undefined || targetOrigin === window.location.origin) return undefined;
  return `the popup was closed, but the vault sent its result to ${targetOrigin}, not to this page's origin ${window.location.origin}; check the vault's appOrigins and the app's URL`;
}

function loginError(error: unknown): VaultAuthError {
  const name = isRecord(error) && typeof error.name === 'string' ? error.name : 'unknown';
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : 'the login failed';
  if (name === 'access_denied') return new RejectedError(message);
  if (name === 'provider_unavailable') return new VaultAuthError('provider_unavailable', message);
  return new VaultAuthError('login_failed', `${name}: ${message}`);
}
