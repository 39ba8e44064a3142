import { defineConfig } from 'vitest/config';
import SweepFirst from './tests/browser/sequencer.ts';

// Browser tests: playwright-core drives Chromium against the built site (dist/) served on
// 127.0.0.1 by tests/browser/global-setup.ts, which also unpacks the bundled Chromium once before
// any worker starts. Run after `astro build` (npm test does both).
//
// Two projects run one after the other: first every browser and dist/ test, two files at a time
// (a 2-core machine); then Lighthouse alone, so nothing else competes with it for the CPU.
const LIGHTHOUSE = 'tests/browser/lighthouse.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    fileParallelism: true,
    sequence: { sequencer: SweepFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', 'tests/built/**/*.test.ts'],
          exclude: [LIGHTHOUSE],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'lighthouse',
          include: [LIGHTHOUSE],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
