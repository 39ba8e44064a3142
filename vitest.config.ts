import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test (src/**/*.test.ts) and in tests/unit/.
// Browser tests are not run by vitest: they have their own runner (scripts/browser-tests.mjs).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
