// An adapter's conformance run without a test framework, on the installed tarballs: every test of
// @tokenvault/core/testing against its reference memory store.
import { createMemoryStore, storeConformance } from '@tokenvault/core/testing';

const tests = storeConformance(() => ({ store: createMemoryStore() }));
for (const test of tests) await test.run();
console.log(`passed ${tests.length} store conformance tests`);
