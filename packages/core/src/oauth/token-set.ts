import type * as oauth from 'oauth4webapi';
import { valueAt } from '../own.js';
import type { ProviderSpec } from '../providers/provider-spec.js';
import { parseScopes } from '../scopes.js';

/** A token endpoint's answer in domain terms; the wire names stop here. */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  refreshToken: string | undefined;
  idToken: string | undefined;
  /** What the provider says it granted; undefined when the response did not say (RFC 6749 §5.1: as requested). */
  scopes: string[] | undefined;
  obtainedAt: number;
  /** Null when the token does not expire. */
  expiresAt: number | null;
  /** The response fields the spec's `metadata` names (Salesforce's `instance_url`), as strings. */
  metadata: Record<string, string>;
}

/** `requestedAt` is when the request was sent, so clock skew and latency make the expiry err early. */
export function toTokenSet(
  response: oauth.TokenEndpointResponse & Record<string, unknown>,
  spec: ProviderSpec,
  requestedAt: number,
): TokenSet {
  const lifetime = typeof response.expires_in === 'number' ? response.expires_in : spec.defaultTokenLifetimeSeconds;
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    refreshToken: response.refresh_token || undefined,
    idToken: response.id_token || undefined,
    scopes: response.scope === undefined ? undefined : parseScopes(response.scope),
    obtainedAt: requestedAt,
    expiresAt: lifetime === undefined ? null : requestedAt + lifetime * 1000,
    metadata: pick(response, spec.metadata),
  };
}

function pick(response: Record<string, unknown>, paths: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const path of paths) {
    const value = valueAt(response, path);
    if (typeof value === 'string' || typeof value === 'number') picked[path] = String(value);
  }
  return picked;
}
