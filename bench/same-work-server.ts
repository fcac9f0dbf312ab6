import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { decryptToken, keyUsable, log, principalOf, readAccount, recordAudit } from './same-work.js';

/**
 * The same-work baseline of a token read (docs/benchmarks.md): a plain node:http server doing exactly what a token
 * read must, with nothing of the vault's code. Parse the body; find the already-verified service JWT by its text;
 * check its key is not revoked (read again at most every 500 ms, as the vault does); one prepared read of the
 * account; AES-256-GCM decryption with the row's additional data; one audit row (its id sorting by time) stored
 * with group commit before the answer; one JSON log line. It reads the database a vault created (same tables and
 * indexes; the environment bench/same-work.ts names) and prints its port on the first line.
 */
const PATH = /^\/v1\/users\/([^/]+)\/connected-accounts\/([^/]+)\/access-token$/;

/** Sends `body` as JSON; returns the status, for the log line. */
function answer(res: ServerResponse, status: number, body: object): number {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return status;
}

async function read(req: IncomingMessage, res: ServerResponse, body: string, requestId: string): Promise<number> {
  const match = PATH.exec(req.url ?? '');
  const principal = principalOf(req.headers.authorization);
  if (req.method !== 'POST' || !match) return answer(res, 404, { error: 'not_found' });
  if (!principal || !(await keyUsable(principal))) return answer(res, 401, { error: 'unauthorized' });
  let options: unknown;
  try {
    options = JSON.parse(body || '{}');
  } catch {
    return answer(res, 400, { error: 'invalid_request' });
  }
  if (typeof options !== 'object' || options === null) return answer(res, 400, { error: 'invalid_request' });
  const userId = decodeURIComponent(match[1] as string);
  const accountId = match[2] as string;
  const account = await readAccount(accountId, 'development', userId);
  if (account?.status !== 'active') return answer(res, 404, { error: 'not_found' });
  const accessToken = decryptToken(account, 'access_token');
  await recordAudit({ action: 'credentials.read', principal, userId, account, requestId, detail: null });
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
