import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Build tests run `astro build` in child processes; a shared build (test/helpers/sharedBuild.ts)
    // starts the first time a test file asks for it, so unit tests build nothing.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
