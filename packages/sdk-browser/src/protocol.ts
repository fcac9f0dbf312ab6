import { VaultAuthError } from './errors.js';
import { isRecord, type Session, toSession } from './session.js';
import type { ConnectSessionBinding } from './types.js';

/** What /refresh can tell a page, short of a failure. */
export type RefreshResult =
  | { status: 'ok'; session: Session }
  /** 401: only a login would help (`unauthorized`, `needs_reauth`, or `missing_scopes`). */
  | { status: 'login_required'; error: string; message: string };

/**
 * A URL of the vault's Backstage-compatible routes, spelled as Backstage's client spells it: values through
 * `encodeURIComponent` (scopes joined by `%20`), `true` as a bare key, undefined left out.
 */
export function authUrl(providerBase: string, path: string, query: Record<string, string | true | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === true) parts.push(key);
    else if (value !== undefined) parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return `${providerBase}/${path}?${parts.join('&')}`;
}

// The header is the vault's CSRF defence (as Backstage's); the opaque HttpOnly session cookie rides along.
export const SESSION_REQUEST: RequestInit = {
  credentials: 'include',
  cache: 'no-store',
  headers: { 'X-Requested-With': 'XMLHttpRequest' },
};

export async function requestRefresh(http: typeof fetch, url: string, now: () => number): Promise<RefreshResult> {
  const response = await http(url, { ...SESSION_REQUEST, method: 'GET' }).catch((cause: unknown) => {
    throw new VaultAuthError('refresh_failed', 'could not reach the vault', { cause });
  });
  const body: unknown = await response.json().catch(() => undefined);
  const fields = isRecord(body) ? body : {};
  const message = typeof fields.message === 'string' ? fields.message : response.statusText;
  if (response.status === 401) {
    return { status: 'login_required', error: String(fields.error ?? 'unauthorized'), message };
  }
  if (response.status === 503) {
    const retryAfter = Number(fields.retryAfter ?? response.headers.get('retry-after') ?? Number.NaN);
    throw new VaultAuthError('provider_unavailable', message || 'the provider is unavailable', {
      ...(Number.isFinite(retryAfter) && { retryAfter }),
    });
  }
  if (!response.ok) throw new VaultAuthError('refresh_failed', `/refresh answered ${response.status}: ${message}`);
  const session = toSession(body, now());
  if (!session) throw new VaultAuthError('refresh_failed', '/refresh answered 200 without a usable token');
  return { status: 'ok', session };
}

export async function postConnectSession(
  http: typeof fetch,
  url: string,
  token: string,
): Promise<ConnectSessionBinding> {
  const response = await http(url, {
    ...SESSION_REQUEST,
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  }).catch((cause: unknown) => {
    throw new VaultAuthError('connect_session_failed', 'could not reach the vault', { cause });
  });
  const body: unknown = await response.json().catch(() => undefined);
  const fields = isRecord(body) ? body : {};
  if (!response.ok || typeof fields.userId !== 'string') {
    const message = typeof fields.message === 'string' ? fields.message : response.statusText;
    throw new VaultAuthError('connect_session_failed', `the vault refused the connect session: ${message}`);
  }
  return {
    env: String(fields.env),
    userId: fields.userId,
    provider: typeof fields.provider === 'string' ? fields.provider : null,
    scopes: Array.isArray(fields.scopes) ? fields.scopes.map(String) : [],
    actions: Array.isArray(fields.actions) ? fields.actions.map(String) : [],
  };
}

export async function requestLogout(http: typeof fetch, url: string): Promise<void> {
  const response = await http(url, { ...SESSION_REQUEST, method: 'POST' }).catch((cause: unknown) => {
    throw new VaultAuthError('logout_failed', 'could not reach the vault', { cause });
  });
  if (!response.ok) throw new VaultAuthError('logout_failed', `/logout answered ${response.status}`);
}
