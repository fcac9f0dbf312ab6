/**
 * The dashboard's only way to the vault: the documented `/v1/admin` routes, with the operator's cookie (sent
 * same-origin only) and the environment they are looking at. The browser adds the Origin header the vault's
 * same-origin check reads on every change.
 */
import { ApiError } from '../shared/api-client.js';

export interface OperatorSession {
  signedIn: true;
  subject: string;
  email: string | null;
  name: string | null;
  principal: string;
  signedInAt: string;
  idleTimeoutSeconds: number;
  environments: { name: string; role: 'viewer' | 'operator' | 'admin' }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Account {
  id: string;
  userId: string;
  provider: string;
  providerAccountId: string;
  displayName: string | null;
  scopes: string[];
  status: string;
  expiresAt: string | null;
  lastRefreshedAt: string | null;
  nextRefreshAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export interface AccountDetail extends Account {
  events: { id: string; seq: number; type: string; at: string }[];
}

export interface Provider {
  id: string;
  displayName: string;
  type: string;
  clientId: string;
  callbackUrl: string;
  scopes: string[];
  docs: string | null;
  setup: string | null;
}

export interface ClientKey {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Client {
  id: string;
  name: string;
  createdAt: string;
  grants: { role: string; resource: string; expiresAt: string | null }[];
  keys: ClientKey[];
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  principal: string;
  userId: string | null;
  provider: string | null;
  accountId: string | null;
  result: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  accountId: string;
  url: string;
  status: string;
  attempts: { attempt: number; at: string; status: number | null; error: string | null }[];
  createdAt: string;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
}

export interface TestEventResult {
  eventId: string;
  delivered: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** The vault's base URL as the page sees it: the page is `{publicUrl}/dashboard`. */
export const base = location.origin + location.pathname.replace(/\/dashboard\/?$/, '');

export async function call<T>(env: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/v1/admin${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      'x-requested-with': 'XMLHttpRequest',
      ...(env !== null && { 'x-tokenvault-environment': env }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) throw new ApiError(response.status, json.error ?? 'internal', json.message ?? response.statusText);
  return json as T;
}

/** A query string from the filters that are set. */
export function query(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
