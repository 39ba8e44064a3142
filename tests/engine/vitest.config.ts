import { defineConfig } from 'vitest/config';

// Runs the engine's end-to-end tests on their own:
//   npx vitest run --config tests/engine/vitest.config.ts
// (the root vitest.config.ts decides what `npm test` includes).
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/engine/**/*.test.ts'],
    environment: 'node',
  },
});
