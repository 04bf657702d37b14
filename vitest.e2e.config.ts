import { defineConfig } from 'vitest/config';

/** End-to-end tests through the real `sf` CLI: slow (installs @salesforce/cli once), run by `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
  },
});
