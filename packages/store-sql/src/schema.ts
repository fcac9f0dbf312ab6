import type { ColumnType } from 'kysely';

/** PostgreSQL bigint; the adapters parse it to a JS number (milliseconds fit in 2^53). */
type Millis = ColumnType<number, number, number>;

export interface Database {
  connected_accounts: {
    id: string;
    env: string;
    user_id: string;
    provider: string;
    provider_account_id: string;
    display_name: string | null;
    email: string | null;
    picture: string | null;
    metadata: string | null; // JSON object
    scopes: string; // space-separated
    status: string;
    version: number;
    access_token: string;
    refresh_token: string | null;
    id_token: string | null;
    token_type: string;
    obtained_at: Millis;
    expires_at: Millis | null;
    last_error: string | null;
    created_at: Millis;
    updated_at: Millis;
    lease_owner: string | null;
    lease_expires_at: Millis | null;
    last_refreshed_at: Millis | null;
    next_refresh_at: Millis | null;
    failure_count: number;
  };
  auth_flows: {
    id: string;
    env: string;
    provider: string;
    user_id: string | null;
    origin: string;
    redirect_url: string | null;
    mode: string;
    scopes: string;
    code_verifier: string | null;
    oidc_nonce: string | null;
    params: string | null; // JSON object
    created_at: Millis;
    expires_at: Millis;
  };
  sessions: {
    id: string;
    env: string;
    user_id: string;
    account_id: string | null;
    limits: string | null; // JSON SessionLimits
    created_at: Millis;
    expires_at: Millis;
  };
  connect_sessions: {
    id: string;
    env: string;
    user_id: string;
    provider: string | null;
    scopes: string; // space-separated
    created_by: string | null; // null only for rows written before migration 0006
    actions: string | null; // space-separated
    allowed_providers: string | null; // space-separated; migration 0007
    return_url: string | null; // migration 0007
    created_at: Millis;
    expires_at: Millis;
  };
  service_clients: {
    id: string;
    env: string;
    name: string;
    created_at: Millis;
  };
  client_grants: {
    client_id: string;
    role: string;
    resource: string;
    expires_at: Millis | null;
  };
  client_keys: {
    id: string;
    client_id: string;
    env: string;
    public_key: string;
    created_at: Millis;
    revoked_at: Millis | null;
    expires_at: Millis | null;
    last_used_at: Millis | null;
  };
  audit_log: {
    id: string;
    env: string;
    at: Millis;
    action: string;
    principal: string;
    key_id: string | null;
    via: string | null;
    user_id: string | null;
    provider: string | null;
    account_id: string | null;
    scopes: string | null; // space-separated
    result: string;
    request_id: string | null;
    detail: string | null; // JSON
  };
  account_events: {
    id: string;
    env: string;
    account_id: string;
    seq: number;
    type: string;
    payload: string; // JSON
    created_at: Millis;
  };
  webhook_deliveries: {
    id: string;
    event_id: string;
    env: string;
    account_id: string;
    seq: number;
    url: string;
    status: string;
    attempts: number;
    next_attempt_at: Millis;
    lease_owner: string | null;
    lease_expires_at: Millis | null;
    last_status: number | null;
    last_error: string | null;
    created_at: Millis;
    first_attempt_at: Millis | null;
    delivered_at: Millis | null;
  };
  webhook_attempts: {
    delivery_id: string;
    attempt: number;
    at: Millis;
    status: number | null;
    error: string | null;
    duration_ms: number;
  };
}
