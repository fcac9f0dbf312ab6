import type {
  AccountChange,
  AccountRow,
  AccountStatus,
  DeliveryRow,
  DeliveryStatus,
  FlowRow,
  SessionRow,
} from '@tokenvault/core';
import type { Selectable } from 'kysely';
import type { Database } from './schema.js';

export type AccountDb = Selectable<Database['connected_accounts']>;
export type FlowDb = Selectable<Database['auth_flows']>;
export type DeliveryDb = Selectable<Database['webhook_deliveries']>;
export type SessionDb = Selectable<Database['sessions']>;

// The one place where domain names become column names and back.

export function deliveryToDb(d: DeliveryRow): Omit<DeliveryDb, 'lease_owner' | 'lease_expires_at'> {
  return {
    id: d.id,
    event_id: d.eventId,
    env: d.env,
    account_id: d.accountId,
    seq: d.seq,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    last_status: d.lastStatus,
    last_error: d.lastError,
    created_at: d.createdAt,
    first_attempt_at: d.firstAttemptAt,
    delivered_at: d.deliveredAt,
  };
}

export function deliveryFromDb(r: DeliveryDb): DeliveryRow {
  return {
    id: r.id,
    eventId: r.event_id,
    env: r.env,
    accountId: r.account_id,
    seq: r.seq,
    url: r.url,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    firstAttemptAt: r.first_attempt_at,
    deliveredAt: r.delivered_at,
  };
}

export function accountToDb(a: AccountRow): AccountDb {
  return {
    id: a.id,
    env: a.env,
    user_id: a.userId,
    provider: a.provider,
    provider_account_id: a.providerAccountId,
    display_name: a.displayName,
    email: a.email,
    picture: a.picture,
    metadata: JSON.stringify(a.metadata),
    scopes: a.scopes.join(' '),
    status: a.status,
    version: a.version,
    access_token: a.accessToken,
    refresh_token: a.refreshToken,
    id_token: a.idToken,
    token_type: a.tokenType,
    obtained_at: a.obtainedAt,
    expires_at: a.expiresAt,
    last_error: a.lastError,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    lease_owner: a.leaseOwner,
    lease_expires_at: a.leaseExpiresAt,
    last_refreshed_at: a.lastRefreshedAt,
    next_refresh_at: a.nextRefreshAt,
    failure_count: a.failureCount,
  };
}

export function accountFromDb(r: AccountDb): AccountRow {
  return {
    id: r.id,
    env: r.env,
    userId: r.user_id,
    provider: r.provider,
    providerAccountId: r.provider_account_id,
    displayName: r.display_name,
    email: r.email,
    picture: r.picture,
    metadata: r.metadata ? (JSON.parse(r.metadata) as Record<string, string>) : {},
    scopes: r.scopes === '' ? [] : r.scopes.split(' '),
    status: r.status as AccountStatus,
    version: r.version,
    accessToken: r.access_token,
    refreshToken: r.refresh_token,
    idToken: r.id_token,
    tokenType: r.token_type,
    obtainedAt: r.obtained_at,
    expiresAt: r.expires_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastRefreshedAt: r.last_refreshed_at,
    nextRefreshAt: r.next_refresh_at,
    failureCount: r.failure_count,
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at,
  };
}

export function changeToDb(c: AccountChange): Partial<AccountDb> {
  const out: Partial<AccountDb> = {};
  if (c.displayName !== undefined) out.display_name = c.displayName;
  if (c.email !== undefined) out.email = c.email;
  if (c.picture !== undefined) out.picture = c.picture;
  if (c.metadata !== undefined) out.metadata = JSON.stringify(c.metadata);
  if (c.scopes !== undefined) out.scopes = c.scopes.join(' ');
  if (c.status !== undefined) out.status = c.status;
  if (c.accessToken !== undefined) out.access_token = c.accessToken;
  if (c.refreshToken !== undefined) out.refresh_token = c.refreshToken;
  if (c.idToken !== undefined) out.id_token = c.idToken;
  if (c.tokenType !== undefined) out.token_type = c.tokenType;
  if (c.obtainedAt !== undefined) out.obtained_at = c.obtainedAt;
  if (c.expiresAt !== undefined) out.expires_at = c.expiresAt;
  if (c.lastError !== undefined) out.last_error = c.lastError;
  if (c.updatedAt !== undefined) out.updated_at = c.updatedAt;
  if (c.lastRefreshedAt !== undefined) out.last_refreshed_at = c.lastRefreshedAt;
  if (c.nextRefreshAt !== undefined) out.next_refresh_at = c.nextRefreshAt;
  if (c.failureCount !== undefined) out.failure_count = c.failureCount;
  if (c.leaseOwner !== undefined) out.lease_owner = c.leaseOwner;
  if (c.leaseExpiresAt !== undefined) out.lease_expires_at = c.leaseExpiresAt;
  return out;
}

export function flowToDb(f: FlowRow): FlowDb {
  return {
    id: f.id,
    env: f.env,
    provider: f.provider,
    user_id: f.userId,
    origin: f.origin,
    redirect_url: f.redirectUrl,
    mode: f.mode,
    scopes: f.scopes.join(' '),
    code_verifier: f.codeVerifier,
    oidc_nonce: f.oidcNonce,
    params: JSON.stringify(f.params),
    created_at: f.createdAt,
    expires_at: f.expiresAt,
  };
}

export function flowFromDb(r: FlowDb): FlowRow {
  return {
    id: r.id,
    env: r.env,
    provider: r.provider,
    userId: r.user_id,
    origin: r.origin,
    redirectUrl: r.redirect_url,
    mode: r.mode === 'redirect' ? 'redirect' : 'popup',
    scopes: r.scopes === '' ? [] : r.scopes.split(' '),
    codeVerifier: r.code_verifier,
    oidcNonce: r.oidc_nonce,
    params: r.params ? (JSON.parse(r.params) as Record<string, string>) : {},
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export function sessionFromDb(r: SessionDb): SessionRow {
  return {
    id: r.id,
    env: r.env,
    userId: r.user_id,
    accountId: r.account_id,
    limits: r.limits === null ? null : JSON.parse(r.limits),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}
