import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run the packages' TypeScript sources (the `@tokenvault/source` export condition); the CLI they spawn runs
// dist/, which the global setup builds when it is stale.
const conditions = ['@tokenvault/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@tokenvault/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['e2e/support/build.ts'],
    // A limit catches a hang, not slowness: journeys start vault processes and Chromium, which on a busy two-core
    // machine take several times what they take on an idle one.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Browser and multi-server journeys are heavy; two cores are all CI has.
    maxWorkers: 2,
  },
});
