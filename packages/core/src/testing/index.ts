export { ConformanceFailure } from './check.js';
export type { ConformanceTest, OpenedStore } from './conformance.js';
export { storeConformance } from './conformance.js';
export { createMemoryStore } from './memory-store.js';
