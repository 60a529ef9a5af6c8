import { defineConfig } from 'vitest/config';

/**
 * Test tiers: unit (pure logic), integration on PGlite and on PostgreSQL (the same files, run twice),
 * web components (jsdom), and browser journeys (real Chromium). `npm test` (test/run.ts) picks them.
 */
const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...integration, 'test/e2e/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int-pglite',
          include: integration,
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/harness/global-pglite.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'int-pg',
          include: integration,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/harness/global-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // They share two cores with the integration tiers: typing through a form can take seconds then.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/harness/global-e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
