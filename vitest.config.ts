import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // End-to-end tests spawn many processes; two cores.
    maxWorkers: 2,
  },
});
