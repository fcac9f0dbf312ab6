import { createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';

/**
 * The same-work baseline (docs/benchmarks.md): a plain node:http server doing exactly what a token read must, with
 * nothing of the vault's code. Parse the body; find the already-verified service JWT by its text; check its key is
 * not revoked (read again at most every 500 ms, as the vault does); one prepared read of the account; AES-256-GCM
 * decryption with the row's additional data; one audit row (its id sorting by time) stored with group commit
 * before the answer; one JSON log line. It reads the database a vault created (same tables and indexes) and
 * prints its port on the first line.
 *
 * Environment: SAME_WORK_STORE (sqlite | postgres), SAME_WORK_DATABASE (a file path or a PostgreSQL URL),
 * SAME_WORK_MASTER_KEY (base64), SAME_WORK_JWT (the service JWT the load generator sends).
 */
function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}
const store = env('SAME_WORK_STORE');
const KEY_TTL_MS = 500;
const PATH = /^\/v1\/users\/([^/]+)\/connected-accounts\/([^/]+)\/access-token$/;

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
function decrypt(ciphertext: string, aad: string): string {
  const [, , iv, sealed] = ciphertext.split('.');
  const bytes = Buffer.from(sealed as string, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv as string, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString();
}

// "Already verified": the JWT's client and key, taken from its payload once.
const jwt = env('SAME_WORK_JWT');
const claims = JSON.parse(Buffer.from(jwt.split('.')[1] as string, 'base64url').toString()) as { sub: string };
const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString()) as { kid: string };
const verified = new Map([[jwt, { clientId: claims.sub, keyId: header.kid }]]);

interface Account {
  id: string;
  provider: string;
  scopes: string;
  status: string;
  access_token: string;
  token_type: string;
  expires_at: number | string | null;
}
type AuditValues = unknown[];
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

const queries =
  store === 'postgres' ? postgresQueries(env('SAME_WORK_DATABASE')) : sqliteQueries(env('SAME_WORK_DATABASE'));

// Group commit: the rows of the reads of one I/O turn go into one insert; each read answers once its row is stored.
let batch: { row: AuditValues; done(error?: unknown): void }[] = [];
function recordAudit(row: AuditValues): Promise<void> {
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

const keys = new Map<string, { revoked: boolean; checkedAt: number }>();
async function keyUsable(clientId: string, keyId: string): Promise<boolean> {
  const id = `${clientId}\n${keyId}`;
  let state = keys.get(id);
  if (!state || Date.now() - state.checkedAt > KEY_TTL_MS) {
    state = { revoked: await queries.keyRevoked(clientId, keyId), checkedAt: Date.now() };
    keys.set(id, state);
  }
  return !state.revoked;
}

const log = pino({ base: undefined });

/** Sends `body` as JSON; returns the status, for the log line. */
function answer(res: ServerResponse, status: number, body: object): number {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return status;
}

async function read(req: IncomingMessage, res: ServerResponse, body: string, requestId: string): Promise<number> {
  const match = PATH.exec(req.url ?? '');
  const principal = verified.get(req.headers.authorization?.slice('Bearer '.length) ?? '');
  if (req.method !== 'POST' || !match) return answer(res, 404, { error: 'not_found' });
  if (!principal || !(await keyUsable(principal.clientId, principal.keyId))) {
    return answer(res, 401, { error: 'unauthorized' });
  }
  let options: unknown;
  try {
    options = JSON.parse(body || '{}');
  } catch {
    return answer(res, 400, { error: 'invalid_request' });
  }
  if (typeof options !== 'object' || options === null) return answer(res, 400, { error: 'invalid_request' });
  const userId = decodeURIComponent(match[1] as string);
  const accountId = match[2] as string;
  const account = await queries.account(accountId, 'development', userId);
  if (account?.status !== 'active') return answer(res, 404, { error: 'not_found' });
  const accessToken = decrypt(account.access_token, JSON.stringify(['connected_accounts', account.id, 'access_token']));
  const now = Date.now();
  await recordAudit([
    `aud_${now.toString(16).padStart(12, '0')}${randomBytes(12).toString('base64url')}`, // sorts by time, as the vault's
    'development',
    now,
    'credentials.read',
    `client:${principal.clientId}`,
    principal.keyId,
    null,
    userId,
    account.provider,
    account.id,
    null,
    'ok',
    requestId,
    null,
  ]);
  return answer(res, 200, {
    accessToken,
    tokenType: account.token_type,
    expiresAt: account.expires_at === null ? null : Number(account.expires_at),
    scopes: account.scopes.split(' ').filter(Boolean),
    accountId: account.id,
  });
}

const server = createServer((req, res) => {
  const started = performance.now();
  const requestId = randomUUID();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => {
    read(req, res, body, requestId).then(
      (status) => {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        log.info({ requestId, method: req.method, path: req.url, status, ms }, 'request');
      },
      (error: unknown) => {
        log.error({ error: String(error) }, 'read failed');
        answer(res, 500, { error: 'internal' });
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
