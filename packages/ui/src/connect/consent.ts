/** What the vault's popup page posts when the provider's consent is over (the Backstage message). */
export type AuthorizationMessage =
  | {
      type: 'authorization_response';
      response: { accountId: string; profile?: { displayName?: string; email?: string } };
    }
  | { type: 'authorization_response'; error: { name: string; message: string } };

/**
 * In-app browsers (Android WebView, iOS views without Safari, social apps) open popups as new tabs or not at all:
 * there the page goes to the provider itself and comes back.
 */
export function isWebView(userAgent: string): boolean {
  if (/; wv\)|FBAN|FBAV|Instagram|Line\//.test(userAgent)) return true;
  return /iPhone|iPad|iPod/.test(userAgent) && !/Safari\//.test(userAgent);
}

/** Opened blank inside the click, so the browser counts it as the user's; null when the browser blocked it. */
export function openPopup(): Window | null {
  return window.open('', 'tokenvault-consent', 'popup,width=520,height=720');
}

/**
 * Sends the popup to the provider's consent and waits. The result comes as a message from the vault's own origin
 * and that popup only; a popup closed without one (or whose handle a provider's Cross-Origin-Opener-Policy cut) is
 * reported as closed.
 */
export function watchPopup(
  popup: Window,
  url: string,
  onMessage: (message: AuthorizationMessage) => void,
  onClosed: () => void,
): { cancel(): void } {
  const listener = (event: MessageEvent) => {
    if (event.origin !== window.location.origin || event.source !== popup) return;
    const data = event.data as AuthorizationMessage | undefined;
    if (data?.type !== 'authorization_response') return;
    stop();
    onMessage(data);
  };
  const timer = window.setInterval(() => {
    if (!popup.closed) return;
    stop();
    onClosed();
  }, 400);
  function stop() {
    window.clearInterval(timer);
    window.removeEventListener('message', listener);
  }
  window.addEventListener('message', listener);
  popup.location.replace(url);
  return {
    cancel() {
      stop();
      popup.close();
    },
  };
}
