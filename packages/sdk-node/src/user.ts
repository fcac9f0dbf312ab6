import { createAccount, nonEmpty } from './account.js';
import { answerError } from './answers.js';
import type { Http, VaultRequest } from './http.js';
import type { ConnectedAccount, ConnectSessionOptions, VaultUser } from './types.js';
import { toConnectedAccounts, toConnectSession } from './wire.js';

/** One of the app's users, by the id the app gave the vault (any string: `|`, spaces and Unicode are fine). */
export function createUser(http: Http, userId: string): VaultUser {
  const id = nonEmpty(userId, 'userId');
  const userPath = `/v1/users/${encodeURIComponent(id)}`;

  async function listConnectedAccounts(): Promise<ConnectedAccount[]> {
    const accounts: ConnectedAccount[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const request: VaultRequest = { method: 'GET', path: `${userPath}/connected-accounts${query}`, idempotent: true };
      const answer = await http.send(request);
      if (answer.status !== 200) throw answerError(answer, request);
      const page = toConnectedAccounts(answer.body);
      accounts.push(...page.items);
      // A cursor seen before would loop forever; the vault pages nothing today (nextCursor is always null).
      cursor = page.nextCursor !== null && !seen.has(page.nextCursor) ? page.nextCursor : null;
      if (cursor !== null) seen.add(cursor);
    } while (cursor !== null);
    return accounts;
  }

  return {
    id,
    listConnectedAccounts,
    account: (selector) => createAccount(http, userPath, selector, listConnectedAccounts),
    async createConnectSession(options: ConnectSessionOptions = {}) {
      const body = {
        userId: id,
        ...(options.provider !== undefined && { provider: options.provider }),
        ...(options.scopes !== undefined && { scopes: options.scopes }),
        ...(options.expiresInSeconds !== undefined && { expiresInSeconds: options.expiresInSeconds }),
        ...(options.allowedProviders !== undefined && { allowedProviders: options.allowedProviders }),
        ...(options.returnUrl !== undefined && { returnUrl: options.returnUrl }),
      };
      // Never retried: each success mints a token, and a lost answer's token is lost with it.
      const request: VaultRequest = { method: 'POST', path: '/v1/connect-sessions', body, idempotent: false };
      const answer = await http.send(request);
      if (answer.status !== 201) throw answerError(answer, request);
      return toConnectSession(answer.body);
    },
  };
}
