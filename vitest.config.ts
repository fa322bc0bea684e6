import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The patched source, as the build bundles it (see scripts/build.mjs).
    alias: {
      'ical-generator': fileURLToPath(new URL('./node_modules/ical-generator/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-cache.ts'],
    testTimeout: 30_000,
    // End-to-end tests spawn many processes; two cores.
    maxWorkers: 2,
  },
});
