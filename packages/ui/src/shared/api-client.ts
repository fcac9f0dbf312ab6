/**
 * The browser apps' only way to the vault: documented routes, called with the vault session cookie. The routes and
 * the answer fields named here are checked against /openapi.json by the test suite (e2e/ui-api-client.test.ts).
 */

export const ROUTES = {
  redeemSession: { method: 'post', path: '/connect/api/session' },
  readSession: { method: 'get', path: '/connect/api/session' },
  start: { method: 'get', path: '/api/auth/{provider}/start' },
} as const;

export interface ProviderParam {
  name: string;
  pattern: string;
  description: string;
  default: string | null;
}

export interface PageProvider {
  id: string;
  displayName: string;
  logo: string | null;
  params: ProviderParam[];
}

export interface PageAccount {
  id: string;
  provider: string;
  displayName: string | null;
  status: string;
}

/** `ConnectPage` in /openapi.json. */
export interface ConnectPageState {
  app: { name: string | null; logoUrl: string | null; accentColor: string | null; supportUrl: string | null };
  env: string;
  expiresAt: string;
  returnUrl: string | null;
  openerOrigin: string | null;
  providers: PageProvider[];
  accounts: PageAccount[];
}

/** The fields of `ConnectPage` the apps read, for the check against the document. */
export const PAGE_FIELDS = ['app', 'env', 'expiresAt', 'returnUrl', 'openerOrigin', 'providers', 'accounts'] as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The vault's base URL as the page sees it: the page is `{publicUrl}/connect`. */
export function vaultBase(location: Location): string {
  return location.origin + location.pathname.replace(/\/connect\/?$/, '');
}

async function call<T>(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(base + path, {
    method,
    credentials: 'same-origin',
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, json.error ?? 'internal', json.message ?? response.statusText);
  return json as T;
}

/** Hands the token from the URL fragment to the vault, which signs this browser in for the session's lifetime. */
export function redeemSession(base: string, token: string, openerOrigin: string | null): Promise<ConnectPageState> {
  return call(base, 'POST', ROUTES.redeemSession.path, { token, ...(openerOrigin && { openerOrigin }) });
}

/** The same state again from the session cookie, after a reload or a redirect back from the provider. */
export function readSession(base: string, openerOrigin: string | null): Promise<ConnectPageState> {
  const query = openerOrigin ? `?openerOrigin=${encodeURIComponent(openerOrigin)}` : '';
  return call(base, 'GET', ROUTES.readSession.path + query);
}

/** Where the browser goes to sign in at the provider (`/start` of the browser protocol). */
export function startUrl(
  base: string,
  state: ConnectPageState,
  provider: string,
  values: Record<string, string>,
  flow: { mode: 'popup' } | { mode: 'redirect'; redirectUrl: string },
): string {
  const query = new URLSearchParams({ env: state.env, scope: '', origin: new URL(base).origin, flow: flow.mode });
  if (flow.mode === 'redirect') query.set('redirectUrl', flow.redirectUrl);
  for (const [name, value] of Object.entries(values)) query.set(name, value);
  return `${base}${ROUTES.start.path.replace('{provider}', encodeURIComponent(provider))}?${query}`;
}
