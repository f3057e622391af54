import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    include: ['test/**/*.test.ts'],
    // Build tests run `astro build` in child processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
