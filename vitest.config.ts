import { defineConfig, configDefaults } from 'vitest/config';

// Unit and integration tests: beside the code they test (src/**/*.test.ts) and under tests/.
// Tests that need the built site (tests/browser, tests/built) run in the second stage of
// `npm test` with vitest.browser.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/browser/**', 'tests/built/**'],
    environment: 'node',
    // The unit tests are pure (no mocks, no global or environment changes), so workers are
    // reused across files instead of spawning one per file: far less start-up time on 2 cores.
    isolate: false,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine.
    // Two keep both cores busy (the slowest file, the recogniser contract, runs beside the rest).
    maxWorkers: 2,
    // No test relies on vitest's 5 s default: heavy ones set their own, the rest get a wide one
    // that a busy machine does not reach.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
