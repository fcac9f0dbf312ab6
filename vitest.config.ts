import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // A limit catches a hang, not slowness: journeys start vault processes and Chromium, which on a busy two-core
    // machine take several times what they take on an idle one.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Browser and multi-server journeys are heavy; two cores are all CI has.
    maxWorkers: 2,
  },
});
