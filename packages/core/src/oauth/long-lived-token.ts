import type * as oauth from 'oauth4webapi';
import { VaultError } from '../errors.js';
import type { ProviderSpec } from '../providers/provider-spec.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import { type ProviderHttp, throwIfTransient, transportFailure } from './http.js';
import { tokenEndpointFetch } from './token-response.js';
import { type TokenSet, toTokenSet } from './token-set.js';

/**
 * Right after the code exchange, swaps the short-lived token for a long-lived one (the spec's `longLivedToken`,
 * Instagram's `ig_exchange_token`). What the code exchange said of scopes and metadata stays: this answer has
 * only the token and its lifetime.
 */
export async function exchangeForLongLived(
  provider: ConfiguredProvider,
  http: ProviderHttp,
  shortLived: TokenSet,
  requestedAt: number,
): Promise<TokenSet> {
  const renewal = provider.spec.longLivedToken as NonNullable<ProviderSpec['longLivedToken']>;
  const query = {
    grant_type: renewal.exchangeGrantType,
    client_secret: provider.clientSecret ?? '',
    access_token: shortLived.accessToken,
  };
  try {
    const answer = await tokenGet(provider.spec, http, renewal.exchangeUri, query, 'the long-lived token exchange');
    const longLived = toTokenSet(answer, provider.spec, requestedAt);
    return { ...longLived, scopes: shortLived.scopes, idToken: shortLived.idToken, metadata: shortLived.metadata };
  } catch (err) {
    if (err instanceof VaultError && err.code === 'needs_reauth') {
      // A code exchange that just succeeded cannot have lost its grant: the app's configuration is wrong.
      throw new VaultError('provider_error', err.message, { cause: err });
    }
    throw err;
  }
}

/**
 * A refresh for such a provider: the held long-lived token renews itself (Instagram's `ig_refresh_token`). The
 * request carries nothing but that token, so a refusal (any 4xx but 429) means the token is gone: needs_reauth.
 */
export function renewLongLived(
  provider: ConfiguredProvider,
  http: ProviderHttp,
  accessToken: string,
  requestedAt: number,
): Promise<TokenSet> {
  const renewal = provider.spec.longLivedToken as NonNullable<ProviderSpec['longLivedToken']>;
  const query = { grant_type: renewal.refreshGrantType, access_token: accessToken };
  return tokenGet(provider.spec, http, renewal.refreshUri, query, 'the token renewal').then((answer) =>
    toTokenSet(answer, provider.spec, requestedAt),
  );
}

/** A GET whose answer is a token response; the token travels in the query string, as these providers document. */
async function tokenGet(
  spec: ProviderSpec,
  http: ProviderHttp,
  endpoint: string,
  query: Record<string, string>,
  during: string,
): Promise<oauth.TokenEndpointResponse & Record<string, unknown>> {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  let response: Response;
  let body: unknown;
  try {
    // The same reading of the answer as the token endpoint's: errors with 200, form bodies, `expires_in: 0`.
    response = await tokenEndpointFetch(spec, http.fetch)(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    throwIfTransient(response, during);
    body = await response.json().catch(() => undefined);
  } catch (err) {
    throw transportFailure(err, during);
  }
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (response.ok && typeof answer.access_token === 'string') {
    return { ...answer, token_type: 'bearer' } as oauth.TokenEndpointResponse & Record<string, unknown>;
  }
  if (response.status >= 400 && graphTransient(answer)) {
    throw new VaultError('provider_unavailable', `the provider throttled ${during}${reason(answer)}`, {
      retryAfter: 60,
    });
  }
  if (response.status >= 400) {
    throw new VaultError('needs_reauth', `the provider refused ${during} (HTTP ${response.status}${reason(answer)})`);
  }
  throw new VaultError('provider_error', `the provider answered ${during} with no access token`);
}

/**
 * Meta's Graph API answers throttling and outages with HTTP 400 and an error code that says "wait and retry" (1, 2,
 * 4, 17, 341, 368), or with `is_transient: true`: not a dead token
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling, read 2026-12-03).
 */
function graphTransient(answer: Record<string, unknown>): boolean {
  const error = answer.error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, is_transient: transient } = error as { code?: unknown; is_transient?: unknown };
  return transient === true || (typeof code === 'number' && GRAPH_RETRY_CODES.has(code));
}

const GRAPH_RETRY_CODES = new Set([1, 2, 4, 17, 341, 368]);

/** `: message` from an OAuth error or a Graph-style `{error: {message}}`, for logs and the account's last error. */
function reason(answer: Record<string, unknown>): string {
  const error = answer.error;
  const text =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : undefined;
  return text ? `: ${text.slice(0, 200)}` : '';
}

/**
 * Whether renewing a long-lived token now would be refused as too early (younger than `minAgeSeconds`, while
 * still valid): asking anyway would read as a dead grant, so the held token is used instead.
 */
export function renewalTooEarly(
  spec: ProviderSpec | undefined,
  token: { obtainedAt: number; expiresAt: number | null },
  now: number,
): boolean {
  const renewal = spec?.longLivedToken;
  if (!renewal) return false;
  const valid = token.expiresAt === null || token.expiresAt > now;
  return valid && now - token.obtainedAt < renewal.minAgeSeconds * 1000;
}
