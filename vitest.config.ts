import { defineConfig, configDefaults } from 'vitest/config';

// Unit and integration tests: beside the code they test (src/**/*.test.ts) and under tests/.
// Tests that need the built site (tests/browser, tests/built) run in the second stage of
// `npm test` with vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/browser/**', 'tests/built/**'],
    environment: 'node',
  },
});
