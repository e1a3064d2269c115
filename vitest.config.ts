import { defineConfig } from 'vitest/config';

// One config for the whole workspace: each package's tests live in packages/*/test.
// Two cores on CI: keep the pool small so parallel suites do not starve each other.
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      exclude: ['**/node_modules/**', '**/dist/**'],
      include: ['packages/sdk/src/**'],
      thresholds: { 'packages/sdk/src/**': { lines: 90 } },
    },
  },
});
