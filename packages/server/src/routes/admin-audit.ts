import { type AuditQuery, type AuditRow, authorize, resources, type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { isoInstant, isoTime, parse } from '../wire.js';
import { decodeCursor, nextCursor, pageQuery } from './cursors.js';

const filters = {
  clientId: z.string().min(1).optional(),
  /** Any principal as the log writes it: `client:<id>`, `user:<id>`, `operator:<subject>`, `cli`, `system`. */
  principal: z.string().min(1).max(300).optional(),
  /** `ok`, or the error code the caller got. */
  result: z.string().min(1).max(100).optional(),
  userId: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  since: isoInstant.optional(),
  until: isoInstant.optional(),
};

export const auditQuery = z.object(filters).extend(pageQuery).strict();

export const auditExportQuery = z
  .object(filters)
  // `env`: a download link cannot send the environment header (the operator's cookie authenticates it).
  .extend({ format: z.enum(['ndjson', 'csv']), env: z.string().min(1).optional() })
  .strict();

/** Rows read per page while streaming an export: it holds one page in memory, whatever the log's size. */
const EXPORT_PAGE = 500;
const CSV_COLUMNS = [
  'id',
  'at',
  'action',
  'principal',
  'keyId',
  'via',
  'userId',
  'provider',
  'accountId',
  'scopes',
  'result',
  'requestId',
  'detail',
] as const;

/**
 * `/v1/admin/audit`: the audit log newest first (docs/security.md, "Audit log"), a page at a time, or all of it
 * as NDJSON or CSV, streamed. `since` and `until` are inclusive ISO 8601 times.
 */
export function auditRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    const { limit, cursor, ...given } = parse(auditQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'audit:read', resources.audit(env));
    const entries = await vault.listAudit(env, {
      limit,
      ...storeQuery(given),
      ...(cursor !== undefined && { before: decodeCursor(cursor) }),
    });
    return c.json({
      items: entries.map(auditJson),
      nextCursor: nextCursor(entries, limit, (e) => ({ at: e.at, id: e.id })),
    });
  });

  app.get('/export', (c) => {
    const { format, env: named, ...given } = parse(auditExportQuery, c.req.query());
    const env = c.get('env');
    if (named !== undefined && named !== env) {
      throw new VaultError('invalid_request', `env names '${named}', but this caller acts in '${env}'`);
    }
    authorize(c.get('caller'), 'audit:read', resources.audit(env));
    const query = storeQuery(given);
    const encoder = new TextEncoder();
    let before: { at: number; id: string } | undefined;
    let header = format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '';
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const rows = await vault.listAudit(env, { ...query, limit: EXPORT_PAGE, ...(before && { before }) });
        const lines = rows.map((row) =>
          format === 'ndjson' ? JSON.stringify(auditJson(row)) : csvLine(auditJson(row)),
        );
        const text = header + lines.map((line) => `${line}\n`).join('');
        header = '';
        if (text !== '') controller.enqueue(encoder.encode(text));
        const last = rows.at(-1);
        if (rows.length < EXPORT_PAGE || !last) controller.close();
        else before = { at: last.at, id: last.id };
      },
    });
    return c.body(body, 200, {
      'content-type': format === 'ndjson' ? 'application/x-ndjson' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${env.replace(/[^\w-]/g, '_')}.${format}"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}

/** The store's query from the route's filters; a client id is the principal `client:<id>`. */
function storeQuery(given: Omit<z.infer<typeof auditExportQuery>, 'format' | 'env'>): Omit<AuditQuery, 'limit'> {
  const { clientId, principal, result, userId, provider, action, since, until } = given;
  if (clientId !== undefined && principal !== undefined && principal !== `client:${clientId}`) {
    throw new VaultError('invalid_request', 'clientId and principal name different principals');
  }
  const who = principal ?? (clientId === undefined ? undefined : `client:${clientId}`);
  return {
    ...(who !== undefined && { principal: who }),
    ...(result !== undefined && { result }),
    ...(userId !== undefined && { userId }),
    ...(provider !== undefined && { provider }),
    ...(action !== undefined && { action }),
    ...(since !== undefined && { since }),
    ...(until !== undefined && { until }),
  };
}

function auditJson(e: AuditRow) {
  return {
    id: e.id,
    at: isoTime(e.at),
    action: e.action,
    principal: e.principal,
    keyId: e.keyId,
    via: e.via,
    userId: e.userId,
    provider: e.provider,
    accountId: e.accountId,
    scopes: e.scopes,
    result: e.result,
    requestId: e.requestId,
    detail: e.detail === null ? null : JSON.parse(e.detail),
  };
}

/**
 * RFC 4180: every field quoted, quotes doubled; lists and objects as JSON. A field a spreadsheet would run as a
 * formula (a user id is the caller's text) starts with a quote mark instead (OWASP, "CSV Injection").
 */
function csvLine(row: ReturnType<typeof auditJson>): string {
  return CSV_COLUMNS.map((column) => {
    const value = row[column];
    const raw = value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return `"${text.replace(/"/g, '""')}"`;
  }).join(',');
}
