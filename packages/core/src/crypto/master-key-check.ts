import type { AccountStore } from '../store.js';
import type { AccountRow } from '../store-rows.js';
import type { Cipher } from './cipher.js';

const PAGE = 500;

/**
 * The ids of master keys that stored credentials were encrypted with but that are not configured, each with how
 * many accounts need it. Run at start: a missing key would otherwise surface only when a credential is read.
 */
export async function unconfiguredMasterKeys(
  store: Pick<AccountStore, 'listAccountsAfter'>,
  cipher: Cipher,
): Promise<Map<string, number>> {
  const missing = new Map<string, number>();
  for (let after: string | null = null; ; ) {
    const page = await store.listAccountsAfter(after, PAGE);
    if (page.length === 0) return missing;
    for (const row of page) {
      const unknown = new Set<string>();
      for (const sealed of [row.accessToken, row.refreshToken, row.idToken]) {
        const kid = sealed === null ? undefined : cipher.keyIdOf(sealed);
        if (kid !== undefined && !cipher.hasKey(kid)) unknown.add(kid);
      }
      for (const kid of unknown) missing.set(kid, (missing.get(kid) ?? 0) + 1);
    }
    after = (page.at(-1) as AccountRow).id;
  }
}
