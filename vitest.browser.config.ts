import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Chromium against the built site (dist/) served on
// 127.0.0.1 by tests/browser/global-setup.ts. Run after `astro build` (npm test does both).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts', 'tests/built/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser per file; two files at a time suit a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
