import { RejectedError, VaultAuthError } from './errors.js';
import { openPopup, waitForPopup } from './popup.js';
import { authUrl } from './protocol.js';
import { type Session, toSession } from './session.js';
import type { AuthOptions } from './types.js';

export interface LoginTarget {
  /** `{baseUrl}/api/auth/{provider}`. */
  providerBase: string;
  provider: string;
  env: string;
  vaultOrigin: string;
  flow: NonNullable<AuthOptions['flow']>;
  onAuthRequest: AuthOptions['onAuthRequest'];
}

/**
 * A new login for `scopes`: the app's prompt (unless `instant`), then the provider's consent in a popup, or by
 * sending the whole page there. With `instant`, nothing is awaited before `window.open`, which must stay in the
 * click's synchronous stack.
 */
export async function login(target: LoginTarget, scopes: string[], instant: boolean): Promise<Session> {
  if (!instant && target.onAuthRequest) {
    try {
      await target.onAuthRequest(scopes);
    } catch (cause) {
      throw new RejectedError('login rejected by the user', { cause });
    }
  }
  const start = (query: Record<string, string>) =>
    authUrl(target.providerBase, 'start', {
      scope: scopes.join(' '),
      origin: window.location.origin,
      ...query,
      env: target.env,
    });
  if (target.flow === 'redirect') {
    window.location.assign(start({ flow: 'redirect', redirectUrl: window.location.href }));
    // The page unloads; after coming back, the next call finds the session through /refresh.
    return new Promise<never>(() => {});
  }
  const popup = openPopup(start({ flow: 'popup' }), target.provider);
  const session = toSession(await waitForPopup(popup, target.vaultOrigin), Date.now());
  if (!session) throw new VaultAuthError('login_failed', 'the vault answered the login without a usable token');
  return session;
}
