import { answerError } from './answers.js';
import { VaultClientError } from './errors.js';
import type { Http, VaultRequest } from './http.js';
import { fail, ok } from './result.js';
import { accessTokenResult, notConnected, notConnectedAnswer } from './token-result.js';
import type {
  AccessTokenOptions,
  AccessTokenResult,
  AccountSelector,
  ConnectedAccount,
  DisconnectResult,
  VaultAccount,
} from './types.js';
import { toDisconnected } from './wire.js';

type Target = { accountId: string } | { provider: string; providerAccountId?: string };

/**
 * One of a user's accounts. By provider alone it is the account the vault picks for a token read (active first,
 * then the most recently linked), for `disconnect` too; `{provider, providerAccountId}` is looked up in the list.
 */
export function createAccount(
  http: Http,
  userPath: string,
  selector: AccountSelector,
  list: () => Promise<ConnectedAccount[]>,
): VaultAccount {
  const target = parseSelector(selector);
  const accountPath = (id: string) => `${userPath}/connected-accounts/${encodeURIComponent(id)}`;

  async function readToken(path: string, options: AccessTokenOptions): Promise<AccessTokenResult> {
    const request: VaultRequest = { method: 'POST', path, body: tokenBody(options), idempotent: true };
    return accessTokenResult(await http.send(request), request);
  }

  /** The account id to act on, or undefined when the user has no such account. */
  async function resolve(): Promise<string | undefined> {
    if ('accountId' in target) return target.accountId;
    const accounts = (await list()).filter((account) => account.provider === target.provider);
    if (target.providerAccountId !== undefined) {
      return accounts.find((account) => account.providerAccountId === target.providerAccountId)?.id;
    }
    return best(accounts)?.id;
  }

  const named = () =>
    'accountId' in target
      ? `account ${target.accountId}`
      : `${target.provider} account${target.providerAccountId === undefined ? '' : ` ${target.providerAccountId}`}`;

  return {
    async getAccessToken(options = {}) {
      // By provider alone the vault chooses, among the accounts holding the scopes, in one request.
      if (!('accountId' in target) && target.providerAccountId === undefined) {
        return readToken(`${userPath}/providers/${encodeURIComponent(target.provider)}/access-token`, options);
      }
      const accountId = await resolve();
      if (accountId === undefined) return notConnected(`the user has no connected ${named()}`);
      return readToken(`${accountPath(accountId)}/access-token`, options);
    },

    async fetch(path: string, init?: RequestInit): Promise<Response> {
      if (typeof path !== 'string' || !path.startsWith('/')) {
        throw new VaultClientError('invalid_argument', 'fetch(): the path starts with "/", e.g. "/user/repos"');
      }
      if (!('accountId' in target) && target.providerAccountId === undefined) {
        return http.passThrough(`${userPath}/providers/${encodeURIComponent(target.provider)}/proxy${path}`, init);
      }
      const accountId = await resolve();
      if (accountId === undefined) throw new VaultClientError('not_found', `the user has no connected ${named()}`);
      return http.passThrough(`${accountPath(accountId)}/proxy${path}`, init);
    },

    async disconnect(): Promise<DisconnectResult> {
      const accountId = await resolve();
      if (accountId === undefined) return notConnected(`the user has no connected ${named()}`);
      // Never retried: a DELETE that timed out may have revoked and deleted already.
      const request: VaultRequest = { method: 'DELETE', path: accountPath(accountId), idempotent: false };
      const answer = await http.send(request);
      if (answer.status === 200) return ok(toDisconnected(answer.body, accountId));
      const gone = notConnectedAnswer(answer);
      if (gone) return fail(gone);
      throw answerError(answer, request);
    },
  };
}

function parseSelector(selector: AccountSelector): Target {
  if (typeof selector === 'string') return { provider: nonEmpty(selector, 'provider') };
  if (typeof selector === 'object' && selector !== null && 'accountId' in selector) {
    return { accountId: nonEmpty(selector.accountId, 'accountId') };
  }
  if (typeof selector === 'object' && selector !== null && 'provider' in selector) {
    return {
      provider: nonEmpty(selector.provider, 'provider'),
      providerAccountId: nonEmpty(selector.providerAccountId, 'providerAccountId'),
    };
  }
  throw new VaultClientError(
    'invalid_argument',
    'account(): pass a provider, {provider, providerAccountId} or {accountId}',
  );
}

export function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new VaultClientError('invalid_argument', `${name} must be a non-empty string`);
  return value;
}

/** Only the options given: the vault refuses unknown fields, and `undefined` is not JSON. */
function tokenBody(options: AccessTokenOptions) {
  return {
    ...(options.scopes !== undefined && { scopes: options.scopes }),
    ...(options.minValiditySeconds !== undefined && { minValiditySeconds: options.minValiditySeconds }),
  };
}

/** The vault's own order for a provider's accounts: active first, then the most recently linked. */
function best(accounts: ConnectedAccount[]): ConnectedAccount | undefined {
  const rank = (account: ConnectedAccount) => (account.status === 'active' ? 0 : 1);
  return [...accounts].sort((a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime())[0];
}
