import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the provider misbehaves; each flag is one real provider's habit (see provider-quirks.test.ts). */
export interface Quirks {
  /** The token endpoint refuses clients that do not authenticate with HTTP Basic (Notion, Reddit). */
  requireBasicAuth?: boolean;
  /**
   * The code exchange reads the client id and secret from the body only, and refreshes take them from HTTP Basic
   * only, as Keap's own samples send them.
   */
  bodyOnExchangeBasicOnRefresh?: boolean;
  /** Token answers are form-encoded, as GitHub's are unless asked for JSON. */
  formEncoded?: boolean;
  /** Slack: the user's token under `authed_user`, a bot token (which is not the user's) at the top. */
  nestedUserToken?: boolean;
  /** Salesforce: no `expires_in`, and the account's API host as `instance_url`. */
  noExpiresIn?: boolean;
  instanceUrl?: string;
  /** Google: a refresh answers no new refresh token. */
  omitRefreshTokenOnRefresh?: boolean;
  /** Notion: the userinfo call needs this header besides the token. */
  userinfoHeader?: [name: string, value: string];
  /** Figma: refreshes go to `/refresh`; the token endpoint refuses them. */
  separateRefreshEndpoint?: boolean;
  /** monday.com: who the user is comes from a GraphQL query POSTed to `/me`, never from a GET. */
  graphqlMe?: boolean;
  /** The token endpoint reads JSON bodies only (as Notion documents its own), so only a hook can talk to it. */
  jsonTokenRequests?: boolean;
  /** Twitch: `scope` as a JSON array. */
  scopeArray?: boolean;
  /** `scope: null` and `expires_in: 0` for a token that never expires. */
  neverExpiresAsZero?: boolean;
  /**
   * What a `scope` on a refresh does: `refused` answers `invalid_scope` (Railway documents this), `required`
   * answers `invalid_scope` when it is missing.
   */
  scopeOnRefresh?: 'refused' | 'required';
  /** A refresh before the last access token expires (by the provider's clock) answers that token again. */
  sameTokenUntilExpiry?: boolean;
  /** Token answers say how long the refresh token lives, in `refresh_token_expires_in`. */
  refreshTokenLifetimeSeconds?: number;
  /** Answers requests to this path (e.g. `/me`) with a 302 to `to`, as a moved or hijacked endpoint would. */
  redirect?: { path: string; to: string };
  /** Answers requests to this path with a JSON body that never ends. */
  endless?: string;
  /** Yandex, SoundCloud: `/me` and the API take the token only as `Authorization: <scheme> <token>`. */
  tokenScheme?: string;
  /** Square: token answers state the expiry as an ISO time in `expires_at` (two hours on), with no `expires_in`. */
  expiresAt?: boolean;
  /** Gusto: a refresh without the redirect URI of the code exchange is refused (invalid_request). */
  redirectUriOnRefresh?: boolean;
  /**
   * Instagram: the code brings a one-hour token and no refresh token; `GET /access_token?grant_type=ig_exchange_token`
   * swaps it for a 60-day one, and `GET /refresh_access_token?grant_type=ig_refresh_token` renews a 60-day token that
   * is at least a day old (by the provider's clock) and unexpired; anything else is refused, as Graph errors are.
   */
  longLived?: boolean;
}

export interface QuirkyProvider {
  url: string;
  /** The next token-endpoint answer, instead of the normal one (e.g. an error sent with HTTP 200). */
  nextAnswer(status: number, body: Record<string, unknown>): void;
  refreshes: number;
  /** Every access token it issued to the user, in order. */
  userTokens: string[];
  /** The last authorization request's query, and every token request's form. */
  authorizeQuery: URLSearchParams | undefined;
  tokenForms: URLSearchParams[];
  /** The tenant of every request under /t/<tenant>/. */
  tenants: string[];
  /** Moves the provider's clock (what `sameTokenUntilExpiry` counts expiry by). */
  clock: { offsetMs: number };
  /** Settles when the endless answer's connection closes, with the bytes written until then. */
  endlessEnded: Promise<number>;
  /** `longLived`: every exchange and renewal request's query, in order. */
  exchanges: URLSearchParams[];
  renewals: URLSearchParams[];
  /** `longLived`: makes every token issued so far invalid, as a user removing the app would. */
  revokeAll(): void;
  /** `longLived`: the next renewal is throttled the Graph API's way (HTTP 400, error code 4), whatever its token. */
  throttleNextRenewal: boolean;
  /** Every request to the API (`/ex/…`), with its path and headers. */
  apiCalls: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A small real OAuth 2.0 provider over HTTP that behaves the way `quirks` say. */
export async function startQuirkyProvider(quirks: Quirks): Promise<QuirkyProvider> {
  let counter = 0;
  let override: { status: number; body: Record<string, unknown> } | undefined;
  const valid = new Set<string>();
  let endlessEnded: (bytes: number) => void = () => {};
  const ended = new Promise<number>((resolve) => {
    endlessEnded = resolve;
  });
  const clock = { offsetMs: 0 };
  let lastIssue: { token: string; expiresAt: number } | undefined;
  const state = {
    clock,
    refreshes: 0,
    userTokens: [] as string[],
    authorizeQuery: undefined as URLSearchParams | undefined,
    tenants: [] as string[],
    tokenForms: [] as URLSearchParams[],
    exchanges: [] as URLSearchParams[],
    renewals: [] as URLSearchParams[],
    apiCalls: [] as { path: string; headers: IncomingMessage['headers'] }[],
    revokeAll: () => valid.clear(),
    throttleNextRenewal: false,
    nextAnswer(status: number, body: Record<string, unknown>) {
      override = { status, body };
    },
  };
  /** Long-lived tokens and when (by the provider's clock) each was issued and expires. */
  const longLivedTokens = new Map<string, { issuedAt: number; expiresAt: number }>();
  const DAY = 86_400_000;
  const issueLongLived = () => {
    const now = Date.now() + clock.offsetMs;
    counter += 1;
    const token = `long-token-${counter}`;
    valid.add(token);
    state.userTokens.push(token);
    longLivedTokens.set(token, { issuedAt: now, expiresAt: now + 60 * DAY });
    return { access_token: token, token_type: 'bearer', expires_in: 60 * 86_400 };
  };
  const graphError = (message: string, code = 190) => ({ error: { message, type: 'OAuthException', code } });
  let exchangeRedirectUri: string | null = null;
  /** The token a request carries, in the scheme the provider wants. */
  const tokenOf = (request: IncomingMessage) => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    return scheme === (quirks.tokenScheme ?? 'Bearer') ? (token ?? '') : '';
  };

  function tokens(refreshing = false): Record<string, unknown> {
    const now = Date.now() + clock.offsetMs;
    if (quirks.sameTokenUntilExpiry && refreshing && lastIssue && lastIssue.expiresAt > now) {
      const expiresIn = Math.floor((lastIssue.expiresAt - now) / 1000);
      return { access_token: lastIssue.token, token_type: 'Bearer', expires_in: expiresIn, scope: 'read' };
    }
    counter += 1;
    const user = `user-token-${counter}`;
    valid.add(user);
    state.userTokens.push(user);
    const set: Record<string, unknown> = {
      access_token: user,
      token_type: quirks.nestedUserToken ? 'user' : 'Bearer',
      ...(!quirks.longLived && { refresh_token: `refresh-${counter}` }),
      scope: quirks.scopeArray ? ['read', 'write'] : quirks.neverExpiresAsZero ? null : 'read',
      ...(!quirks.noExpiresIn && !quirks.expiresAt && { expires_in: quirks.neverExpiresAsZero ? 0 : 3600 }),
      ...(quirks.expiresAt && { expires_at: new Date(now + 2 * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z') }),
      ...(quirks.refreshTokenLifetimeSeconds && { refresh_token_expires_in: quirks.refreshTokenLifetimeSeconds }),
    };
    lastIssue = { token: user, expiresAt: now + 3_600_000 };
    const extra = quirks.instanceUrl ? { instance_url: quirks.instanceUrl } : {};
    if (!quirks.nestedUserToken) return { ...set, ...extra };
    return { ok: true, access_token: `bot-token-${counter}`, token_type: 'bot', team: { id: 'T1' }, authed_user: set };
  }

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://provider');
    // A tenant's endpoints live under /t/<tenant>/…, as a shop's live on its own host.
    const tenant = /^\/t\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (tenant) {
      state.tenants.push(tenant[1] as string);
      url.pathname = tenant[2] as string;
    }
    if (quirks.redirect?.path === url.pathname) {
      await body(request);
      return void response.writeHead(302, { location: quirks.redirect.to }).end();
    }
    if (quirks.endless === url.pathname) {
      await body(request);
      return endless(response, endlessEnded);
    }
    if (url.pathname === '/authorize') {
      state.authorizeQuery = url.searchParams;
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', 'the-code');
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return void response.writeHead(302, { location: back.href }).end();
    }
    if (quirks.longLived && (url.pathname === '/access_token' || url.pathname === '/refresh_access_token')) {
      return longLivedAnswer(url, response);
    }
    if (url.pathname === '/sites' || url.pathname.startsWith('/ex/')) {
      // An API: Atlassian's accessible-resources, and calls below /ex/ that echo what reached them.
      if (!valid.has(tokenOf(request))) return void response.writeHead(401).end();
      response.writeHead(200, { 'content-type': 'application/json' });
      if (url.pathname === '/sites') return void response.end(JSON.stringify([{ id: 'cloud-1', name: 'Acme' }]));
      state.apiCalls.push({ path: url.pathname, headers: request.headers });
      return void response.end(JSON.stringify({ path: url.pathname }));
    }
    if (url.pathname === '/me') {
      const token = tokenOf(request);
      if (!valid.has(token)) return void response.writeHead(401).end();
      const [name, value] = quirks.userinfoHeader ?? [];
      if (name && request.headers[name.toLowerCase()] !== value) return void response.writeHead(400).end();
      if (quirks.graphqlMe) {
        const query = request.method === 'POST' ? (JSON.parse(await body(request)) as { query?: string }).query : '';
        if (!query?.includes('me')) return void response.writeHead(400).end();
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ data: { me: { id: 'acct-1', name: 'Quinn' } } }));
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ id: 'acct-1', name: 'Quinn' }));
    }
    const tokenPath = url.pathname === '/token' || (quirks.separateRefreshEndpoint && url.pathname === '/refresh');
    if (!tokenPath) return void response.writeHead(404).end();
    const text = await body(request);
    if (quirks.jsonTokenRequests && !/application\/json/.test(request.headers['content-type'] ?? '')) {
      response.writeHead(400, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ error: 'invalid_request', error_description: 'send JSON' }));
    }
    const form = quirks.jsonTokenRequests
      ? new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, string>))
      : new URLSearchParams(text);
    const refreshing = form.get('grant_type') === 'refresh_token';
    if (quirks.separateRefreshEndpoint && refreshing !== (url.pathname === '/refresh')) {
      response.writeHead(400, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ error: 'invalid_request', error_description: 'wrong endpoint' }));
    }
    state.tokenForms.push(form);
    const send = (status: number, answer: Record<string, unknown>) => {
      if (quirks.formEncoded) {
        const flat = Object.entries(answer).map(([k, v]) => [k, String(v)]);
        response.writeHead(status, { 'content-type': 'application/x-www-form-urlencoded' });
        return void response.end(new URLSearchParams(flat).toString());
      }
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    };
    if (quirks.requireBasicAuth && !/^Basic /.test(request.headers.authorization ?? '')) {
      return send(401, { error: 'invalid_client', error_description: 'use HTTP Basic' });
    }
    if (quirks.bodyOnExchangeBasicOnRefresh) {
      const credentialsRead = refreshing
        ? /^Basic /.test(request.headers.authorization ?? '')
        : form.has('client_id') && form.has('client_secret');
      if (!credentialsRead) {
        const where = refreshing ? 'HTTP Basic on refreshes' : 'the body on the code exchange';
        return send(401, { error: 'invalid_client', error_description: `client credentials go in ${where}` });
      }
    }
    if (override) {
      const answer = override;
      override = undefined;
      return send(answer.status, answer.body);
    }
    if (!refreshing) exchangeRedirectUri = form.get('redirect_uri');
    if (refreshing && quirks.redirectUriOnRefresh && form.get('redirect_uri') !== exchangeRedirectUri) {
      return send(400, { error: 'invalid_request', error_description: 'redirect_uri is missing or differs' });
    }
    if (form.get('grant_type') === 'refresh_token') {
      if (quirks.scopeOnRefresh && form.has('scope') === (quirks.scopeOnRefresh === 'refused')) {
        return send(400, { error: 'invalid_scope', error_description: `scope ${quirks.scopeOnRefresh} on refresh` });
      }
      state.refreshes += 1;
      const answer = tokens(true);
      if (quirks.omitRefreshTokenOnRefresh) delete answer.refresh_token;
      return send(200, answer);
    }
    return send(200, tokens());
  });
  /** Instagram's two GETs: the exchange of a short-lived token, and the renewal of a long-lived one. */
  function longLivedAnswer(url: URL, response: ServerResponse) {
    const query = url.searchParams;
    const token = query.get('access_token') ?? '';
    const now = Date.now() + clock.offsetMs;
    const refuse = (message: string, code?: number) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify(graphError(message, code)));
    };
    const answer = (body: Record<string, unknown>) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/access_token') {
      state.exchanges.push(query);
      if (query.get('grant_type') !== 'ig_exchange_token' || query.get('client_secret') !== 's3cret') {
        return refuse('Invalid exchange request');
      }
      if (!valid.has(token) || longLivedTokens.has(token)) return refuse('Invalid OAuth access token');
      return answer(issueLongLived());
    }
    state.renewals.push(query);
    if (state.throttleNextRenewal) {
      state.throttleNextRenewal = false;
      return refuse('Application request limit reached', 4);
    }
    const held = longLivedTokens.get(token);
    if (query.get('grant_type') !== 'ig_refresh_token' || !held || !valid.has(token) || held.expiresAt <= now) {
      return refuse('Error validating access token');
    }
    if (now - held.issuedAt < DAY) return refuse('The access token must be at least 24 hours old');
    return answer(issueLongLived());
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return Object.assign(state, {
    endlessEnded: ended,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the vault's fetch keeps connections alive
      }),
  });
}

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

/** `{"id":"acct-1","padding":"xxxx…` forever: written as fast as the reader takes it, until it hangs up. */
function endless(response: ServerResponse, ended: (bytes: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let bytes = 0;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"id":"acct-1","padding":"');
  const pump = () => {
    while (!response.destroyed && response.write(chunk)) bytes += chunk.length;
  };
  response.on('drain', pump);
  response.on('close', () => ended(bytes));
  pump();
}
