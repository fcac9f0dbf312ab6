import type { Kysely, Migration, MigrationProvider } from 'kysely';

// Migrations are append-only: never edit one that has shipped; add the next.
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('connected_accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('provider_account_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text')
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('access_token', 'text', (c) => c.notNull())
        .addColumn('refresh_token', 'text')
        .addColumn('id_token', 'text')
        .addColumn('token_type', 'text', (c) => c.notNull())
        .addColumn('obtained_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('connected_accounts_identity', ['env', 'user_id', 'provider', 'provider_account_id'])
        .execute();

      await db.schema
        .createTable('auth_flows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('redirect_url', 'text')
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text')
        .addColumn('oidc_nonce', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_flows_expires_at').on('auth_flows').column('expires_at').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('service_clients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('service_clients_env').on('service_clients').column('env').execute();

      await db.schema
        .createTable('client_grants')
        .addColumn('client_id', 'text', (c) => c.notNull().references('service_clients.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('client_grants_pk', ['client_id', 'role', 'resource'])
        .execute();

      await db.schema
        .createTable('client_keys')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull().references('service_clients.id').onDelete('cascade'))
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addPrimaryKeyConstraint('client_keys_pk', ['client_id', 'id'])
        .execute();
    },
  },
  '0002_refresh_engine': {
    async up(db: Kysely<unknown>) {
      // The refresh lease (docs/reliability.md, "The lease"): owner and expiry, taken and released in short statements.
      await db.schema.alterTable('connected_accounts').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('connected_accounts').addColumn('lease_expires_at', 'bigint').execute();
      await db.schema.alterTable('connected_accounts').addColumn('last_refreshed_at', 'bigint').execute();
      await db.schema.alterTable('connected_accounts').addColumn('next_refresh_at', 'bigint').execute();
      await db.schema
        .alterTable('connected_accounts')
        .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // The scheduler's claim query walks this index in due order.
      await db.schema
        .createIndex('connected_accounts_next_refresh_at')
        .on('connected_accounts')
        .column('next_refresh_at')
        .execute();

      // The outbox: one row per account event, ordered per account by the account version that wrote it.
      await db.schema
        .createTable('account_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('account_events_account')
        .on('account_events')
        .columns(['account_id', 'seq'])
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull().references('account_events.id').onDelete('cascade'))
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('first_attempt_at', 'bigint')
        .addColumn('delivered_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_order')
        .on('webhook_deliveries')
        .columns(['account_id', 'url', 'seq'])
        .execute();

      await db.schema
        .createTable('webhook_attempts')
        .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'attempt'])
        .execute();
    },
  },
  // Operators list an environment's accounts by status (`GET /v1/admin/connected-accounts?status=…`); the
  // background sweep finds expired and old rows by time.
  '0003_listing_and_sweep_indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('connected_accounts_env_status')
        .on('connected_accounts')
        .columns(['env', 'status', 'created_at', 'id'])
        .execute();
      // The sweep deletes expired sessions and old history by time.
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
      await db.schema.createIndex('account_events_created_at').on('account_events').column('created_at').execute();
      await db.schema.createIndex('webhook_deliveries_event').on('webhook_deliveries').column('event_id').execute();
    },
  },
  // Service-client keys expire and record their last use; the audit log (docs/security.md, "Audit log").
  '0004_key_lifecycle_and_audit': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('client_keys').addColumn('expires_at', 'bigint').execute();
      await db.schema.alterTable('client_keys').addColumn('last_used_at', 'bigint').execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('principal', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('provider', 'text')
        .addColumn('account_id', 'text')
        .addColumn('scopes', 'text')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('detail', 'text')
        .execute();
      // Listing is newest first within an environment, optionally for one principal or one user; the sweep
      // deletes by time.
      await db.schema.createIndex('audit_log_env_at').on('audit_log').columns(['env', 'at', 'id']).execute();
      await db.schema
        .createIndex('audit_log_env_principal')
        .on('audit_log')
        .columns(['env', 'principal', 'at'])
        .execute();
      await db.schema.createIndex('audit_log_env_user').on('audit_log').columns(['env', 'user_id', 'at']).execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
  },
  // The browser's profile of an account (Backstage's ProfileInfo), so /refresh can answer it after a reload; the
  // token-response fields a provider spec keeps (`metadata`); and connect sessions, single-use tokens that bind a browser to an app's user.
  '0005_browser_profile_and_connect_sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('connected_accounts').addColumn('email', 'text').execute();
      await db.schema.alterTable('connected_accounts').addColumn('picture', 'text').execute();
      await db.schema.alterTable('connected_accounts').addColumn('metadata', 'text').execute(); // JSON object
      await db.schema.alterTable('auth_flows').addColumn('params', 'text').execute(); // JSON object
      await db.schema
        .createTable('connect_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('provider', 'text')
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('connect_sessions_expires_at').on('connect_sessions').column('expires_at').execute();
    },
  },
  // A connect session carries no more than its creator held: the creator and its actions go with the connect
  // session, the limits with the browser session it becomes, and the creator onto the audit rows as `via`.
  // Connect sessions written before this have no actions: their browser sessions may link, not read.
  '0006_connect_session_limits': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('connect_sessions').addColumn('created_by', 'text').execute();
      await db.schema.alterTable('connect_sessions').addColumn('actions', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('limits', 'text').execute(); // JSON object
      await db.schema.alterTable('audit_log').addColumn('via', 'text').execute();
    },
  },
  // The hosted connect page: which providers a connect session offers and where the page sends the user back.
  '0007_connect_page': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('connect_sessions').addColumn('allowed_providers', 'text').execute();
      await db.schema.alterTable('connect_sessions').addColumn('return_url', 'text').execute();
    },
  },
  // Time-boxed grants: a grant stops working at `expires_at`; null (every grant before this) means until revoked.
  '0008_grant_expiry': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('client_grants').addColumn('expires_at', 'bigint').execute();
    },
  },
  // The audit log lists newest first by (at, id): an index that ends at `at` cannot give that order, and SQLite
  // then lists a principal's or a user's rows through audit_log_env_at instead, so every row kept two indexes up to
  // date that no query read. With `id` appended each query reads its own index, in order.
  '0009_audit_indexes_in_listing_order': {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_log_env_principal').execute();
      await db.schema.dropIndex('audit_log_env_user').execute();
      await db.schema
        .createIndex('audit_log_env_principal_at')
        .on('audit_log')
        .columns(['env', 'principal', 'at', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_env_user_at')
        .on('audit_log')
        .columns(['env', 'user_id', 'at', 'id'])
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
