import type { Vault } from '@tokenvault/core';
import { CliError } from '../cli-error.js';
import { note } from '../output.js';

/**
 * `tokenvault keys rotate`: with the new key as `masterKey` and the old one under `previousMasterKeys` (and the
 * servers restarted on that configuration), re-encrypts every credential still under the old key. Runs while the
 * servers serve; afterwards the old key can be removed.
 */
export async function rotateKeys(vault: Vault, print: (line: string) => void, json = false): Promise<void> {
  await requireEveryMasterKey(vault);
  const done = await vault.rekey((progress) => note(`… ${progress.accounts} accounts looked at`));
  if (json) print(JSON.stringify(done));
  else if (done.rekeyed === 0) {
    print(`nothing to re-encrypt: all ${done.accounts} credentials are already under the current master key`);
  } else print(`re-encrypted ${done.rekeyed} of ${done.accounts} credentials under the current master key`);
}

/** Refuses to go on when stored credentials need a master key the configuration lacks (docs/security.md). */
export async function requireEveryMasterKey(vault: Vault): Promise<void> {
  const missing = await vault.unconfiguredMasterKeys();
  if (missing.size === 0) return;
  const list = [...missing].map(([kid, accounts]) => `${kid} (${accounts} accounts)`).join(', ');
  throw new CliError(
    `stored credentials were encrypted with master keys that are not configured: ${list}. ` +
      'Is masterKey the right key? During a rotation the old key goes under previousMasterKeys ' +
      '(docs/security.md#rotating-keys)',
  );
}
