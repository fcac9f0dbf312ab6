import { type Session, toSession } from '../src/session.js';

export const BASE = 'https://vault.example.com';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** An account as `/v1/me` sends it. */
export interface WireAccount {
  id: string;
  provider: string;
  providerAccountId: string;
  displayName: string | null;
  scopes: string[];
  status: 'active' | 'needs_reauth' | 'error' | 'revoked';
  expiresAt: string | null;
  lastRefreshedAt: string | null;
  nextRefreshAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

let clock = Date.parse('2030-01-01T00:00:00Z');
/** A later time on every call: rows written later compare later. */
function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

export function wireAccount(fields: Partial<WireAccount> & Pick<WireAccount, 'id'>): WireAccount {
  const at = tick();
  return {
    provider: 'demo',
    providerAccountId: fields.id,
    displayName: fields.providerAccountId ?? fields.id,
    scopes: ['openid'],
    status: 'active',
    expiresAt: '2030-06-01T00:00:00.000Z',
    lastRefreshedAt: null,
    nextRefreshAt: null,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/** What the fake's provider login does to the vault's rows, as the real handler/frame would. */
export function linkAt(me: FakeMe, providerAccountId: string, scopes: string[]): Session {
  const existing = me.accounts.find((a) => a.providerAccountId === providerAccountId);
  if (existing) Object.assign(existing, { scopes, status: 'active', updatedAt: tick() });
  else me.accounts.push(wireAccount({ id: `ca_${providerAccountId}`, providerAccountId, scopes }));
  const body = {
    profile: { displayName: providerAccountId },
    providerInfo: { accessToken: 'popup', scope: scopes.join(' ') },
  };
  return toSession(body, 0) as Session;
}

export type FakeMe = ReturnType<typeof fakeMe>;

/**
 * `/v1/me` in memory: one user's accounts, a session that can be missing, and a scripted token route. Records
 * every request, so tests assert what went on the wire.
 */
export function fakeMe(accounts: WireAccount[] = []) {
  const me = {
    accounts,
    session: true,
    sent: [] as Array<{ method: string; url: string; init: RequestInit; body: unknown }>,
    /** Answers the token routes; `target` is the account id or `provider:<id>`. */
    token: (target: string, _body: unknown): Response =>
      json(200, { accessToken: `at-${target}`, tokenType: 'Bearer', expiresAt: null, scopes: [], accountId: target }),
    /** Answers held back until the test releases them, by request number. */
    gates: new Map<number, Promise<void>>(),
    http: (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const method = init.method ?? 'GET';
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      me.sent.push({ method, url: url.href, init, body });
      const gate = me.gates.get(me.sent.length);
      const response = answer(method, url.pathname, body);
      if (gate) await gate;
      return response;
    }) as typeof fetch,
  };

  function answer(method: string, path: string, body: unknown): Response {
    if (!me.session) return json(401, { error: 'unauthorized', message: 'no session' });
    const [, , , resource, id, action] = path.split('/'); // '', 'v1', 'me', resource, id, action
    const account = me.accounts.find((a) => a.id === id);
    if (resource === 'connected-accounts' && id === undefined) {
      return json(200, { items: structuredClone(me.accounts), nextCursor: null });
    }
    if (resource === 'providers' && action === 'access-token') return me.token(`provider:${id}`, body);
    if (!account) return json(404, { error: 'not_found', message: 'no such account' });
    if (action === 'access-token') return me.token(account.id, body);
    if (method === 'DELETE') {
      me.accounts.splice(me.accounts.indexOf(account), 1);
      return json(200, { deleted: true, revokedAtProvider: true });
    }
    return json(200, structuredClone(account));
  }

  return me;
}

/** A promise and the function that settles it. */
export function deferred() {
  let release: () => void = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}
