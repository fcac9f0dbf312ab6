import { sealToken, type TokenColumn } from '../accounts/accounts.js';
import type { AccountStore } from '../store.js';
import type { AccountChange, AccountRow } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { aad } from './cipher.js';

const PAGE = 200;

export interface RekeyResult {
  /** Accounts looked at. */
  accounts: number;
  /** Accounts whose credential was re-encrypted under the current key. */
  rekeyed: number;
}

/**
 * Re-encrypts every stored credential still under an older master key with the current one (`tokenvault keys
 * rotate`, docs/security.md "Rotating keys"), while the vault serves: page by page, each account with compare-and-swap, so a refresh landing
 * meanwhile wins and is looked at again. Afterwards the older key can leave the configuration.
 */
export async function rekeyCredentials(
  ctx: VaultContext<AccountStore>,
  progress?: (done: RekeyResult) => void,
): Promise<RekeyResult> {
  const done: RekeyResult = { accounts: 0, rekeyed: 0 };
  for (let after: string | null = null; ; ) {
    const page = await ctx.store.listAccountsAfter(after, PAGE);
    if (page.length === 0) return done;
    for (const row of page) {
      if (await rekeyAccount(ctx, row)) done.rekeyed += 1;
      done.accounts += 1;
    }
    after = (page.at(-1) as AccountRow).id;
    progress?.({ ...done });
  }
}

const COLUMNS: [TokenColumn, 'accessToken' | 'refreshToken' | 'idToken'][] = [
  ['access_token', 'accessToken'],
  ['refresh_token', 'refreshToken'],
  ['id_token', 'idToken'],
];

async function rekeyAccount(ctx: VaultContext<AccountStore>, initial: AccountRow): Promise<boolean> {
  let row: AccountRow | undefined = initial;
  for (let attempt = 0; row && attempt < 5; attempt++) {
    const change: AccountChange = {};
    for (const [column, field] of COLUMNS) {
      const sealed = row[field];
      if (sealed === null || !ctx.cipher.isStale(sealed)) continue;
      const plaintext = await ctx.cipher.decrypt(sealed, aad('connected_accounts', row.id, column));
      change[field] = await sealToken(ctx, row.id, column, plaintext);
    }
    if (Object.keys(change).length === 0) return false;
    if (await ctx.store.updateAccount(row.id, row.version, change)) return true;
    row = await ctx.store.getAccountById(row.id); // changed meanwhile (a refresh, a relink): look again
  }
  return false;
}
