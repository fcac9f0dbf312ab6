import type * as oauth from 'oauth4webapi';
import { VaultError } from '../errors.js';
import { valueAt } from '../own.js';
import type { ConfiguredProvider } from '../providers/registry.js';
import { type ProviderHttp, throwIfTransient, transportFailure } from './http.js';
import type { TokenSet } from './token-set.js';

export interface AccountIdentity {
  providerAccountId: string;
  displayName: string | null;
  /** Backstage's profile shape, for the browser. */
  profile: { displayName?: string; email?: string; picture?: string };
  /** Values kept in the account's metadata (the spec's `account.metadata`), as strings. */
  metadata: Record<string, string>;
}

/** Finds who the account is: from a userinfo endpoint when the spec names one, else from the ID token. */
export async function accountIdentity(
  provider: ConfiguredProvider,
  http: ProviderHttp,
  tokens: TokenSet,
  claims: oauth.IDToken | undefined,
): Promise<AccountIdentity> {
  const { account } = provider.spec;
  // Shopify wants the raw token in a header of its own; Yandex and SoundCloud another scheme than Bearer.
  const scheme = account.tokenScheme ?? (account.tokenHeader ? undefined : 'Bearer');
  const auth = {
    [account.tokenHeader ?? 'authorization']: scheme ? `${scheme} ${tokens.accessToken}` : tokens.accessToken,
  };
  const source = account.userInfoUri
    ? await userInfo(account.userInfoUri, { ...account.headers, ...auth }, account.userInfoBody, http)
    : { ...claims };
  const id = valueAt(source, account.idPath);
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new VaultError('provider_error', `the provider's profile has no account id at '${account.idPath}'`);
  }
  const name = account.displayNamePath
    ? valueAt(source, account.displayNamePath)
    : (source.name ?? source.email ?? source.preferred_username);
  const displayName = typeof name === 'string' ? name : null;
  const email = typeof source.email === 'string' ? source.email : undefined;
  const picture = typeof source.picture === 'string' ? source.picture : undefined;
  return {
    providerAccountId: String(id),
    displayName,
    profile: { ...(displayName && { displayName }), ...(email && { email }), ...(picture && { picture }) },
    metadata: await keptValues(provider, http, tokens.accessToken, source),
  };
}

/**
 * The spec's `account.metadata` fields, from the userinfo answer or from a GET to its own `uri` (Atlassian's
 * accessible-resources), made with the token the way the provider's API takes it. A field the answer lacks is
 * left out: the proxy then names it when a call needs it.
 */
async function keptValues(
  provider: ConfiguredProvider,
  http: ProviderHttp,
  token: string,
  userInfoAnswer: Record<string, unknown>,
): Promise<Record<string, string>> {
  const kept = provider.spec.account.metadata;
  if (!kept) return {};
  let answer = userInfoAnswer;
  if (kept.uri) {
    const url = new URL(kept.uri);
    const auth = provider.spec.api?.auth ?? { type: 'bearer' };
    const headers: Record<string, string> = {};
    if (auth.type === 'query') url.searchParams.set(auth.name, token);
    else if (auth.type === 'header') headers[auth.name] = `${auth.prefix}${token}`;
    else headers.authorization = `Bearer ${token}`;
    answer = await userInfo(url.href, headers, undefined, http);
  }
  const values: Record<string, string> = {};
  for (const [name, path] of Object.entries(kept.fields)) {
    const value = valueAt(answer, path);
    if (typeof value === 'string' || typeof value === 'number') values[name] = String(value);
  }
  return values;
}

/** Not OIDC userinfo (GitHub's /user has no `sub`), so it is read as a plain JSON resource. */
async function userInfo(
  endpoint: string,
  headers: Record<string, string>,
  query: string | undefined,
  http: ProviderHttp,
) {
  try {
    const response = await http.fetch(endpoint, {
      // A GraphQL API is asked who the user is with a POSTed query.
      ...(query !== undefined && { method: 'POST', body: query }),
      headers: {
        ...headers,
        accept: 'application/json',
        ...(query !== undefined && { 'content-type': 'application/json' }),
      },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    throwIfTransient(response, 'userinfo');
    if (!response.ok) throw new VaultError('provider_error', `userinfo answered HTTP ${response.status}`);
    const answer: unknown = await response.json();
    if (typeof answer !== 'object' || answer === null) {
      throw new VaultError('provider_error', 'userinfo is not an object');
    }
    return answer as Record<string, unknown>;
  } catch (err) {
    throw transportFailure(err, 'userinfo');
  }
}
