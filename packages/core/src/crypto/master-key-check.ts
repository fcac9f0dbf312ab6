import type { AccountStore } from '../store.js';
import { type Cipher, KEY_PREFIX_LENGTH } from './cipher.js';

/**
 * The ids of master keys that stored credentials were encrypted with but that are not configured, each with how
 * many accounts need it. Run at start: a missing key would otherwise surface only when a credential is read. The
 * database groups the ciphertexts by the key they name, so the check costs one query, not a walk of every account.
 */
export async function unconfiguredMasterKeys(
  store: Pick<AccountStore, 'credentialPrefixes'>,
  cipher: Cipher,
): Promise<Map<string, number>> {
  const missing = new Map<string, number>();
  for (const { prefix, accounts } of await store.credentialPrefixes(KEY_PREFIX_LENGTH)) {
    const kid = cipher.keyIdOf(prefix);
    if (kid !== undefined && !cipher.hasKey(kid)) missing.set(kid, (missing.get(kid) ?? 0) + accounts);
  }
  return missing;
}
