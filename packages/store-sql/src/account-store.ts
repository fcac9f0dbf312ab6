import type { AccountCount, AccountKey, AccountStore } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { type Kysely, sql } from 'kysely';
import type { SqlDialectHooks } from './dialect.js';
import { firstRow } from './first-row.js';
import { hasEntries, writeOutbox } from './outbox-store.js';
import { type AccountDb, accountFromDb, accountToDb, changeToDb } from './rows.js';
import type { Database } from './schema.js';

/** Every column of an account row, by name, for the token read's statement (see `firstRow`). */
const ACCOUNT_COLUMNS = Object.keys({
  id: true,
  env: true,
  user_id: true,
  provider: true,
  provider_account_id: true,
  display_name: true,
  email: true,
  picture: true,
  metadata: true,
  scopes: true,
  status: true,
  version: true,
  access_token: true,
  refresh_token: true,
  id_token: true,
  token_type: true,
  obtained_at: true,
  expires_at: true,
  last_error: true,
  created_at: true,
  updated_at: true,
  lease_owner: true,
  lease_expires_at: true,
  last_refreshed_at: true,
  next_refresh_at: true,
  failure_count: true,
} satisfies Record<keyof AccountDb, true>) as (keyof AccountDb)[];

/** Connected accounts: one row each, with the credential; changes write their outbox in the same transaction. */
export function createAccountStore(db: Kysely<Database>, hooks: SqlDialectHooks): AccountStore {
  // Every token read sends it: by id, env and user id.
  const selectAccount = firstRow(
    db,
    hooks,
    'tokenvault_account',
    db
      .selectFrom('connected_accounts')
      .select(ACCOUNT_COLUMNS)
      .where('id', '=', '')
      .where('env', '=', '')
      .where('user_id', '=', '')
      .compile(),
  );

  return {
    async insertAccount(account, outbox) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('connected_accounts').values(accountToDb(account)).execute();
          await writeOutbox(trx, outbox);
        });
      } catch (err) {
        if (hooks.isUniqueViolation(err)) throw new VaultError('conflict', 'the account is already linked');
        throw err;
      }
    },
    async updateAccount(id, expectedVersion, change, outbox) {
      const update = (q: Kysely<Database>) =>
        q
          .updateTable('connected_accounts')
          .set({ ...changeToDb(change), version: expectedVersion + 1 })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
      if (!hasEntries(outbox)) return (await update(db)).numUpdatedRows === 1n;
      return db.transaction().execute(async (trx) => {
        if ((await update(trx)).numUpdatedRows !== 1n) return false;
        await writeOutbox(trx, outbox);
        return true;
      });
    },
    async getAccount(env, userId, accountId) {
      const row = await selectAccount([accountId, env, userId]);
      return row && accountFromDb(row);
    },
    async getAccountById(id) {
      const row = await db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && accountFromDb(row);
    },
    async findAccount(key: AccountKey) {
      const row = await db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('env', '=', key.env)
        .where('user_id', '=', key.userId)
        .where('provider', '=', key.provider)
        .where('provider_account_id', '=', key.providerAccountId)
        .executeTakeFirst();
      return row && accountFromDb(row);
    },
    async listAccounts(env, userId, provider) {
      let select = db.selectFrom('connected_accounts').selectAll().where('env', '=', env).where('user_id', '=', userId);
      if (provider !== undefined) select = select.where('provider', '=', provider);
      return (await select.orderBy('created_at').orderBy('id').execute()).map(accountFromDb);
    },
    async credentialPrefixes(length) {
      // substr and count(distinct) read the same on SQLite and PostgreSQL; counts come back as text on the latter.
      const { rows } = await sql<{ prefix: string; accounts: number | string }>`
        select prefix, count(distinct id) as accounts from (
          select id, substr(access_token, 1, ${length}) as prefix from connected_accounts
          union all select id, substr(refresh_token, 1, ${length}) from connected_accounts where refresh_token is not null
          union all select id, substr(id_token, 1, ${length}) from connected_accounts where id_token is not null
        ) as credentials group by prefix order by prefix`.execute(db);
      return rows.map((row) => ({ prefix: row.prefix, accounts: Number(row.accounts) }));
    },
    async listAccountsAfter(afterId, limit) {
      let select = db.selectFrom('connected_accounts').selectAll();
      if (afterId !== null) select = select.where('id', '>', afterId);
      return (await select.orderBy('id').limit(limit).execute()).map(accountFromDb);
    },
    async listAllAccounts(env, query) {
      let select = db.selectFrom('connected_accounts').selectAll().where('env', '=', env);
      if (query.status) select = select.where('status', '=', query.status);
      if (query.provider) select = select.where('provider', '=', query.provider);
      const after = query.after;
      if (after) {
        select = select.where((eb) =>
          eb.or([
            eb('created_at', '>', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
          ]),
        );
      }
      const rows = await select.orderBy('created_at').orderBy('id').limit(query.limit).execute();
      return rows.map(accountFromDb);
    },
    async countAccounts(env, dueBefore) {
      const rows = await db
        .selectFrom('connected_accounts')
        .select((eb) => [
          'provider',
          'status',
          eb.fn.countAll().as('accounts'),
          eb.fn.sum(eb.case().when('last_error', 'is not', null).then(1).else(0).end()).as('failing'),
          eb.fn
            .sum(
              eb
                .case()
                .when(eb.and([eb('next_refresh_at', 'is not', null), eb('next_refresh_at', '<=', dueBefore)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('due'),
        ])
        .where('env', '=', env)
        .groupBy(['provider', 'status'])
        .execute();
      // PostgreSQL answers counts and sums as bigint text.
      return rows.map((row) => ({
        provider: row.provider,
        status: row.status as AccountCount['status'],
        accounts: Number(row.accounts),
        failing: Number(row.failing),
        due: Number(row.due),
      }));
    },
    async deleteAccount(env, userId, accountId, expectedVersion, outbox) {
      return db.transaction().execute(async (trx) => {
        let query = trx
          .deleteFrom('connected_accounts')
          .where('id', '=', accountId)
          .where('env', '=', env)
          .where('user_id', '=', userId);
        if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
        if ((await query.executeTakeFirst()).numDeletedRows !== 1n) return false;
        await writeOutbox(trx, outbox);
        return true;
      });
    },
  };
}
