import type { AccountRow, AuditRow, ClientKeyRow, FlowRow, Outbox, SessionRow } from '../store-rows.js';

// Rows for the conformance cases: valid values, overridden field by field.

export function clientKey(id: string, expiresAt: number | null = null): ClientKeyRow {
  return {
    id,
    clientId: 'sc_1',
    env: 'development',
    publicKey: `pk-${id}`,
    createdAt: 1,
    revokedAt: null,
    expiresAt,
    lastUsedAt: null,
  };
}

export function audit(id: string, fields: Partial<AuditRow> = {}): AuditRow {
  return {
    id,
    env: 'development',
    at: 1,
    action: 'credentials.read',
    principal: 'cli',
    keyId: null,
    via: null,
    userId: null,
    provider: null,
    accountId: null,
    scopes: null,
    result: 'ok',
    requestId: null,
    detail: null,
    ...fields,
  };
}

export function session(id: string, expiresAt: number, fields: Partial<SessionRow> = {}): SessionRow {
  return { id, env: 'development', userId: 'u', accountId: null, limits: null, createdAt: 1, expiresAt, ...fields };
}

export function pendingFlow(id: string, expiresAt: number): FlowRow {
  return {
    id,
    env: 'development',
    provider: 'demo',
    userId: null,
    origin: 'http://127.0.0.1:3000',
    redirectUrl: null,
    mode: 'popup',
    scopes: ['openid', 'email'],
    codeVerifier: 'ct',
    oidcNonce: 'n',
    params: { shop: 'acme-store' },
    createdAt: 1,
    expiresAt,
  };
}

/** One event at `seq` (its payload names the seq) with a pending delivery per URL. */
export function outbox(accountId: string, seq: number, urls: string[]): Outbox {
  const eventId = `evt_${accountId}_${seq}`;
  return {
    events: [
      { id: eventId, env: 'development', accountId, seq, type: 't', payload: JSON.stringify({ seq }), createdAt: seq },
    ],
    deliveries: urls.map((url) => ({
      id: `whd_${accountId}_${seq}_${url.slice(-1)}`,
      eventId,
      env: 'development',
      accountId,
      seq,
      url,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      lastStatus: null,
      lastError: null,
      createdAt: seq,
      firstAttemptAt: null,
      deliveredAt: null,
    })),
  };
}

export function account(overrides: Partial<AccountRow>): AccountRow {
  return {
    id: 'ca_x',
    env: 'development',
    userId: 'u',
    provider: 'demo',
    providerAccountId: 'alice',
    displayName: 'Alice',
    email: 'alice@example.com',
    picture: null,
    metadata: { instance_url: 'https://eu1.example.com' },
    scopes: ['openid', 'email'],
    status: 'active',
    version: 1,
    accessToken: 'at-ct',
    refreshToken: 'rt-ct',
    idToken: 'id-ct',
    tokenType: 'bearer',
    lastRefreshedAt: null,
    nextRefreshAt: null,
    failureCount: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    obtainedAt: 1_700_000_000_000,
    expiresAt: 1_700_000_120_000,
    lastError: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
