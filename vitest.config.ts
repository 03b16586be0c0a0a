import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Names this run's throwaway PostgreSQL cluster and stops it at the end (test/support/databases.ts starts it).
    globalSetup: ['test/support/global-setup.ts'],
  },
});
