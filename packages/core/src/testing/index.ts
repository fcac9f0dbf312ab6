export { ConformanceFailure } from './check.js';
export type { ConformanceTest, OpenedStore } from './conformance.js';
export { storeConformance } from './conformance.js';
/** A complete connected-account row, with `overrides`: for an adapter's own tests beside the suite. */
export { account as exampleAccount } from './fixtures.js';
export { createMemoryStore } from './memory-store.js';
