import type { AccessTokenOptions, AccessTokenResult, ConnectedAccountData, DisconnectResult } from './account-types.js';
import { toAccountData, toAccountPage, toDisconnectResult, toTokenResult } from './account-wire.js';
import { VaultAuthError } from './errors.js';
import { SESSION_REQUEST } from './protocol.js';
import { isRecord } from './session.js';

/** Whose token: one account, or the user's best account of a provider (the vault picks). */
export type TokenTarget = { id: string } | { provider: string };

/** `/v1/me/…`: the browser session's user's accounts (docs/api.md), as request/response pairs over `http`. */
export function createMeApi(http: typeof fetch, baseUrl: string) {
  const me = `${baseUrl}/v1/me`;
  const accountUrl = (id: string) => `${me}/connected-accounts/${encodeURIComponent(id)}`;

  async function send(url: string, method: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { ...SESSION_REQUEST, method };
    if (body !== undefined) {
      init.headers = { 'X-Requested-With': 'XMLHttpRequest', 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    return http(url, init).catch(unreachable);
  }

  /** The body of an answer that must be 200 (or `allowed`); 401 is `no_session`, anything else `request_failed`. */
  async function read(response: Response, what: string, allowed: number[] = []): Promise<unknown> {
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok || allowed.includes(response.status)) return body;
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : response.statusText;
    if (response.status === 401) throw new VaultAuthError('no_session', `${what}: ${message}`);
    throw new VaultAuthError('request_failed', `${what} answered ${response.status}: ${message}`);
  }

  const malformed = (what: string) => new VaultAuthError('request_failed', `${what} answered an unexpected body`);

  return {
    /**
     * A proxied call as the session user (docs/proxy.md): the page's request with the session cookie and the CSRF
     * header; the vault's answer as a standard Response, body unread.
     */
    proxy(target: TokenTarget, path: string, init: RequestInit = {}): Promise<Response> {
      if (typeof path !== 'string' || !path.startsWith('/')) {
        return Promise.reject(new VaultAuthError('request_failed', 'fetch(): the path starts with "/"'));
      }
      const where = 'id' in target ? accountUrl(target.id) : `${me}/providers/${encodeURIComponent(target.provider)}`;
      const headers = new Headers(init.headers);
      headers.set('X-Requested-With', 'XMLHttpRequest');
      return http(`${where}/proxy${path}`, { ...init, headers, credentials: 'include' }).catch(unreachable);
    },
    /** Every page of `GET /v1/me/connected-accounts`. */
    async list(): Promise<ConnectedAccountData[]> {
      const items: ConnectedAccountData[] = [];
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const url: string =
          cursor === null
            ? `${me}/connected-accounts`
            : `${me}/connected-accounts?cursor=${encodeURIComponent(cursor)}`;
        const page = toAccountPage(await read(await send(url, 'GET'), 'listing the accounts'));
        if (!page) throw malformed('listing the accounts');
        items.push(...page.items);
        // A cursor given twice would page forever.
        if (page.nextCursor !== null && seen.has(page.nextCursor)) throw malformed('listing the accounts');
        cursor = page.nextCursor;
        if (cursor !== null) seen.add(cursor);
      } while (cursor !== null);
      return items;
    },

    /** Undefined when the account is not this user's (the vault answers 404 for both). */
    async get(id: string): Promise<ConnectedAccountData | undefined> {
      const response = await send(accountUrl(id), 'GET');
      const body = await read(response, 'reading the account', [404]);
      if (response.status === 404) return undefined;
      const account = toAccountData(body);
      if (!account) throw malformed('reading the account');
      return account;
    },

    async token(target: TokenTarget, options: AccessTokenOptions = {}): Promise<AccessTokenResult> {
      const url =
        'id' in target
          ? `${accountUrl(target.id)}/access-token`
          : `${me}/providers/${encodeURIComponent(target.provider)}/access-token`;
      const response = await send(url, 'POST', {
        ...(options.scopes !== undefined && { scopes: [...options.scopes] }),
        ...(options.minValiditySeconds !== undefined && { minValiditySeconds: options.minValiditySeconds }),
      });
      const body: unknown = await response.json().catch(() => undefined);
      const result = toTokenResult(response.status, body, response.headers.get('retry-after'));
      if (result) return result;
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : response.statusText;
      throw new VaultAuthError('request_failed', `the token request answered ${response.status}: ${message}`);
    },

    /** An account already gone is `{deleted: false}`, not a failure: the caller wanted it gone. */
    async disconnect(id: string): Promise<DisconnectResult> {
      const response = await send(accountUrl(id), 'DELETE');
      const body = await read(response, 'disconnecting the account', [404]);
      if (response.status === 404) return { deleted: false, revokedAtProvider: false };
      const result = toDisconnectResult(body);
      if (!result) throw malformed('disconnecting the account');
      return result;
    },
  };
}

export type MeApi = ReturnType<typeof createMeApi>;

/** A request that failed before an answer; `getToken()`'s own failure (bearer-fetch.ts) passes as it is. */
export function unreachable(cause: unknown): never {
  if (cause instanceof VaultAuthError) throw cause;
  throw new VaultAuthError('request_failed', 'could not reach the vault', { cause });
}
