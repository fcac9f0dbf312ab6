import type { Vault } from '@tokenvault/core';

/**
 * `tokenvault keys rotate`: with the new key as `masterKey` and the old one under `previousMasterKeys` (and the
 * servers restarted on that configuration), re-encrypts every credential still under the old key. Runs while the
 * servers serve; afterwards the old key can be removed.
 */
export async function rotateKeys(vault: Vault, print: (line: string) => void): Promise<void> {
  const done = await vault.rekey((progress) => print(`… ${progress.accounts} accounts looked at`));
  print(`re-encrypted ${done.rekeyed} of ${done.accounts} credentials under the current master key`);
}
