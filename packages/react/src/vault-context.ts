import type { Vault } from '@tokenvault/sdk-browser';
import { createContext, createElement, type ReactNode, useContext } from 'react';

const VaultContext = createContext<Vault | undefined>(undefined);

/** Gives the hooks below it one vault (`createVault(…)`, made once, outside render). */
export function VaultProvider({ vault, children }: { vault: Vault; children?: ReactNode }) {
  return createElement(VaultContext.Provider, { value: vault }, children);
}

/** The vault of the nearest `<VaultProvider>`. */
export function useVault(): Vault {
  const vault = useContext(VaultContext);
  if (!vault) throw new Error('useVault and the Tokenvault hooks need a <VaultProvider vault={…}> above them');
  return vault;
}
