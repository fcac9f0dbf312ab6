import { parseAccessKey } from './access-key.js';
import { VaultClientError } from './errors.js';
import { createHttp } from './http.js';
import { createServiceTokenSource } from './service-token.js';
import type { VaultClient, VaultClientOptions } from './types.js';
import { createUser } from './user.js';

/**
 * A backend's client of the vault. Throws `invalid_access_key` / `invalid_argument` at once for a malformed key or
 * base URL: those are configuration errors, better found at startup than at the first request.
 */
export function createVaultClient(options: VaultClientOptions): VaultClient {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const key = parseAccessKey(options.accessKey);
  const tokens = createServiceTokenSource(key, baseUrl);
  const http = createHttp({
    baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: positive(options.timeoutMs, 10_000, 'timeoutMs'),
    retries: atLeastZero(options.retries, 2, 'retries'),
    retryDelayMs: atLeastZero(options.retryDelayMs, 100, 'retryDelayMs'),
    token: tokens.get,
  });
  return { user: (userId) => createUser(http, userId) };
}

function checkBaseUrl(baseUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch (cause) {
    throw new VaultClientError('invalid_argument', 'baseUrl must be an absolute URL', { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new VaultClientError('invalid_argument', 'baseUrl must be an http(s) URL');
  }
  if (url.search || url.hash) throw new VaultClientError('invalid_argument', 'baseUrl takes no query or fragment');
  // The JWT's iss and every request start with it; a trailing slash would double up.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new VaultClientError('invalid_argument', `${name} must be > 0`);
  return value;
}

function atLeastZero(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new VaultClientError('invalid_argument', `${name} must be an integer ≥ 0`);
  return value;
}
