import { apiOperations, devConnectOperation, devHomeOperation, errorSchema, type Operation } from '@tokenvault/server';
import type { z } from 'zod';

const matchers = [devHomeOperation, devConnectOperation, ...apiOperations].map((operation) => ({
  operation,
  // `{path}` is the proxy's rest of the path, slashes included; any other parameter is one segment.
  pattern: new RegExp(
    `^${operation.path
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\?\{path\\?\}$/, '.+')
      .replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`,
  ),
}));

/** The documented operation a request reaches, if any. */
export function documentedOperation(method: string, path: string): Operation | undefined {
  const wanted = method.toLowerCase();
  return matchers.find((m) => m.operation.method === wanted && m.pattern.test(path))?.operation;
}

/**
 * Why an answer differs from what `/openapi.json` documents for it, or undefined when it matches: its status is
 * one the operation lists, and a JSON answer passes the operation's (strict) zod schema for that status. Every
 * e2e test that talks to an in-process vault runs its answers through this.
 */
export async function contractViolation(method: string, url: string, response: Response) {
  if (method === 'OPTIONS' || method === 'HEAD') return undefined;
  const path = new URL(url).pathname;
  const where = `${method} ${path} answered ${response.status}`;
  const operation = documentedOperation(method, path);
  if (!operation) {
    return response.status >= 400 ? checkJson(where, response, errorSchema) : `${where}: the route is not documented`;
  }
  const answer =
    operation.responses[response.status] ?? (response.status === 500 ? { schema: errorSchema } : undefined);
  if (!answer) return `${where}: ${operation.method.toUpperCase()} ${operation.path} does not document that status`;
  if ('schema' in answer) return checkJson(where, response, answer.schema);
  const type = response.headers.get('content-type') ?? '';
  if (answer.kind === 'html' && !type.startsWith('text/html')) return `${where}: expected HTML, got ${type}`;
  if (answer.kind === 'json' && !type.startsWith('application/json')) return `${where}: expected JSON, got ${type}`;
  if (answer.kind === 'empty' && (await response.text()) !== '') return `${where}: expected no body`;
  return undefined;
}

async function checkJson(where: string, response: Response, schema: z.ZodType) {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) return `${where}: expected JSON, got '${type}'`;
  const result = schema.safeParse(await response.json());
  if (result.success) return undefined;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  return `${where}, which its documented schema refuses: ${problems.join('; ')}`;
}
