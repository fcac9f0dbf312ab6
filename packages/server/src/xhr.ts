import { VaultError } from '@tokenvault/core';
import type { Context } from 'hono';

/**
 * Backstage's whole CSRF defence, for every route a browser reaches with its cookies (/refresh, /logout, the
 * connect-session exchange, /v1/me): a header a cross-site form, link or image cannot send.
 */
export function requireXhr(c: Context): void {
  if (c.req.header('x-requested-with') !== 'XMLHttpRequest') {
    throw new VaultError('unauthorized', 'Invalid X-Requested-With header');
  }
}
