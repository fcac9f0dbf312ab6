import { createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';

/**
 * The pieces of the same-work baselines (bench/same-work-server.ts for token reads, bench/proxy-same-work.ts for
 * proxied calls): the work a vault request must do, written directly with nothing of the vault's code. Each
 * baseline opens the database a vault created (same tables, indexes and pragmas).
 *
 * Environment: SAME_WORK_STORE (sqlite | postgres), SAME_WORK_DATABASE (a file path or a PostgreSQL URL),
 * SAME_WORK_MASTER_KEY (base64), SAME_WORK_JWT (the service JWT the load generator sends).
 */
export function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}

const KEY_TTL_MS = 500;

// The vault's key derivation and ciphertext format: HKDF-SHA-256 of the master key, `v1.<kid>.<iv>.<sealed>`.
const dataKey = Buffer.from(
  hkdfSync(
    'sha256',
    Buffer.from(env('SAME_WORK_MASTER_KEY'), 'base64'),
    Buffer.alloc(0),
    'tokenvault credentials aes-256-gcm v1',
    32,
  ),
);

/** AES-256-GCM decryption of an account's token, with the row's additional data. */
export function decryptToken(account: Account, column: 'access_token'): string {
  const [, , iv, sealed] = account[column].split('.');
  const bytes = Buffer.from(sealed as string, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv as string, 'base64url'));
  decipher.setAAD(Buffer.from(JSON.stringify(['connected_accounts', account.id, column])));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString();
}

// "Already verified": the JWT's client and key, taken from its payload once.
const jwt = env('SAME_WORK_JWT');
const claims = JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()) as { sub: string };
const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString()) as { kid: string };
const verified = new Map([[jwt, { clientId: claims.sub, keyId: header.kid }]]);

export interface Principal {
  clientId: string;
  keyId: string;
}

/** The verified JWT of an `Authorization: Bearer` header, found by its text; undefined for any other. */
export function principalOf(authorization: string | undefined): Principal | undefined {
  return verified.get(authorization?.slice('Bearer '.length) ?? '');
}

export interface Account {
  id: string;
  provider: string;
  scopes: string;
  status: string;
  access_token: string;
  token_type: string;
  expires_at: number | string | null;
}
export type AuditValues = unknown[];
interface Queries {
  keyRevoked(clientId: string, keyId: string): Promise<boolean>;
  account(id: string, env: string, userId: string): Promise<Account | undefined>;
  insertAudit(rows: AuditValues[]): Promise<void>;
}

const AUDIT_COLUMNS =
  'id, env, at, action, principal, key_id, via, user_id, provider, account_id, scopes, result, request_id, detail';
const AUDIT_UNNEST = `insert into audit_log (${AUDIT_COLUMNS}) select * from unnest(${AUDIT_COLUMNS.split(', ')
  .map((column, c) => `$${c + 1}::${column === 'at' ? 'bigint' : 'text'}[]`)
  .join(', ')})`;
const ACCOUNT_SQL = 'select * from connected_accounts where id = ? and env = ? and user_id = ?';

function sqliteQueries(file: string): Queries {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const key = db.prepare('select revoked_at, expires_at from client_keys where client_id = ? and id = ?');
  const account = db.prepare(ACCOUNT_SQL);
  const audit = db.prepare(`insert into audit_log (${AUDIT_COLUMNS}) values (${Array(14).fill('?').join(', ')})`);
  const insertAll = db.transaction((rows: AuditValues[]) => {
    for (const row of rows) audit.run(row);
  });
  return {
    keyRevoked: async (clientId, keyId) => {
      const row = key.get(clientId, keyId) as { revoked_at: number | null } | undefined;
      return !row || row.revoked_at !== null;
    },
    account: async (id, env, userId) => account.get(id, env, userId) as Account | undefined,
    insertAudit: async (rows) => insertAll(rows),
  };
}

function postgresQueries(url: string): Queries {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const numbered = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  const keySql = 'select revoked_at, expires_at from client_keys where client_id = $1 and id = $2';
  return {
    keyRevoked: async (clientId, keyId) => {
      const { rows } = await pool.query({ name: 'key', text: keySql, values: [clientId, keyId] });
      return rows.length === 0 || rows[0].revoked_at !== null;
    },
    account: async (id, env, userId) =>
      (await pool.query({ name: 'account', text: numbered(ACCOUNT_SQL), values: [id, env, userId] })).rows[0],
    // One array per column, one named statement: the vault's own batch insert (store-postgres).
    insertAudit: async (rows) => {
      const values = Array.from({ length: 14 }, (_, c) => rows.map((row) => row[c]));
      await pool.query({ name: 'audit', text: AUDIT_UNNEST, values });
    },
  };
}

const store = env('SAME_WORK_STORE');
const queries =
  store === 'postgres' ? postgresQueries(env('SAME_WORK_DATABASE')) : sqliteQueries(env('SAME_WORK_DATABASE'));

/** One prepared read of the account. */
export const readAccount = queries.account;

// Group commit: the rows recorded in one I/O turn go into one insert; each caller learns when its row is stored.
let batch: { row: AuditValues; done(error?: unknown): void }[] = [];
export function recordAudit(entry: {
  action: string;
  principal: Principal;
  userId: string;
  account: Account;
  requestId: string;
  detail: string | null;
}): Promise<void> {
  const { action, principal, userId, account, requestId, detail } = entry;
  const now = Date.now();
  // The audit table's columns in order: id, env, at, action, principal, key, via, user, provider, account,
  // scopes, result, request id, detail.
  const row: AuditValues = [
    auditId(now),
    'development',
    now,
    action,
    `client:${principal.clientId}`,
    principal.keyId,
    null,
    userId,
    account.provider,
    account.id,
    null,
    'ok',
    requestId,
    detail,
  ];
  return new Promise((resolve, reject) => {
    if (batch.length === 0) setImmediate(flush);
    batch.push({ row, done: (error) => (error ? reject(error) : resolve()) });
  });
}
function flush() {
  const pending = batch;
  batch = [];
  queries.insertAudit(pending.map((p) => p.row)).then(
    () => {
      for (const p of pending) p.done();
    },
    (error: unknown) => {
      for (const p of pending) p.done(error);
    },
  );
}

/** An audit row's id, sorting by time as the vault's do. */
function auditId(now: number): string {
  return `aud_${now.toString(16).padStart(12, '0')}${randomBytes(12).toString('base64url')}`;
}

const keys = new Map<string, { revoked: boolean; checkedAt: number }>();
/** Whether the JWT's key is not revoked, read again at most every 500 ms, as the vault does. */
export async function keyUsable(principal: Principal): Promise<boolean> {
  const id = `${principal.clientId}\n${principal.keyId}`;
  let state = keys.get(id);
  if (!state || Date.now() - state.checkedAt > KEY_TTL_MS) {
    state = { revoked: await queries.keyRevoked(principal.clientId, principal.keyId), checkedAt: Date.now() };
    keys.set(id, state);
  }
  return !state.revoked;
}

/** The request log: one JSON line per request. */
export const log = pino({ base: undefined });
