import type * as z from 'zod';
import * as s from './schemas.js';

// What an entry of the operations table is, and the answers every table shares (operations.ts gathers the
// tables, one per area: admin-operations.ts, account-operations.ts, proxy-operations.ts, …).

/**
 * Who may call an operation: nobody in particular, a service client's JWT, a browser with cookies, the user of
 * either a browser session or a trusted issuer's JWT (`/v1/me`), or a signed-in operator's dashboard cookie. Every
 * `/v1/admin` operation also takes the operator's cookie (document.ts).
 */
export type Auth = 'none' | 'service' | 'session' | 'user' | 'handle' | 'operator';

/** One answer: JSON checked against `schema`, other JSON, an HTML page, plain text, a redirect, or no body. */
export type Answer =
  | { description: string; schema: z.ZodType }
  | { description: string; kind: 'json' | 'html' | 'text' | 'redirect' | 'empty' | 'passthrough' };

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI's template: `{name}` for a path parameter. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body is a form (application/x-www-form-urlencoded), as OAuth's token endpoint takes it. */
  form?: true;
  responses: Record<number, Answer>;
}

export const json = (description: string, schema: z.ZodType): Answer => ({ description, schema });

/** The error answers an operation can give, by status; 500 (a bug, message hidden) is added to every one. */
export function errors(...statuses: number[]): Record<number, Answer> {
  const why: Record<number, string> = {
    400: 'malformed input; the message names what is wrong',
    401: 'no or bad credentials',
    403: 'not allowed: no grant covers it, or a foreign origin',
    404: 'no such environment, provider, user, account, client or key',
    409: 'needs_reauth: the user must connect the account again',
    413: 'the body is larger than 64 KiB',
    429: 'rate_limited; retry after retryAfter seconds',
    502: 'provider_error: the provider rejected the vault (configuration)',
    503: 'provider_unavailable: transient, the credential is kept; retry after retryAfter seconds',
  };
  return Object.fromEntries(statuses.map((status) => [status, json(why[status] as string, s.errorSchema)]));
}
