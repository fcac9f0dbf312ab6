import type { Store } from '../store.js';
import { accessCases } from './cases-access.js';
import { accountCases } from './cases-accounts.js';
import { leaseCases } from './cases-leases.js';
import { outboxCases } from './cases-outbox.js';

/** A fresh, empty store (not yet migrated), and how to remove what it leaves behind once closed. */
export interface OpenedStore {
  store: Store;
  cleanup?(): Promise<void>;
}

/** One test of the suite: run it under any test runner; it throws when the store breaks the contract. */
export interface ConformanceTest {
  name: string;
  run(): Promise<void>;
}

/**
 * The store contract as tests, for an adapter to run against its real database:
 * `for (const test of storeConformance(open)) it(test.name, test.run)`. Each test opens its own store with
 * `open`, migrates it, checks one promise of the contract, then closes it and calls `cleanup`.
 */
export function storeConformance(open: () => Promise<OpenedStore> | OpenedStore): ConformanceTest[] {
  return [...accountCases, ...leaseCases, ...outboxCases, ...accessCases].map((test) => ({
    name: test.name,
    async run() {
      const { store, cleanup } = await open();
      try {
        await store.migrate();
        await test.run(store);
      } finally {
        try {
          await store.close();
        } finally {
          await cleanup?.();
        }
      }
    },
  }));
}
