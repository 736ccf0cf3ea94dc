import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests and the 512-uid conformance graphs take a few seconds each on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
