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
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
