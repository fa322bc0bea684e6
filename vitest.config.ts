import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that start programs: the built CLI (dist/bin.cjs), shells, calendar clients, a
 * browser, a spreadsheet. They form the `e2e` project, whose global setup rebuilds a stale dist/ first. Every
 * other test runs juno in this process, against src/, and forms the `unit` project (`npm run test:unit`: no
 * build, no juno started). `runJuno` refuses to run in a file not listed here.
 */
const SPAWNING = [
  'tests/e2e/**/*.test.ts',
  'tests/hostile/**/*.test.ts',
  'tests/browser.test.ts',
  'tests/completion.test.ts',
  'tests/date-range.test.ts',
];

const common = {
  resolve: {
    // The patched source, as the build bundles it (see scripts/build.mjs).
    alias: {
      'ical-generator': fileURLToPath(new URL('./node_modules/ical-generator/src/index.ts', import.meta.url)),
    },
  },
};

export default defineConfig({
  test: {
    // A temp folder and a code cache folder of the run's own, removed at the end.
    globalSetup: ['tests/global-setup.ts'],
    // End-to-end tests spawn many processes; two cores.
    maxWorkers: 2,
    projects: [
      {
        ...common,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SPAWNING],
          testTimeout: 30_000,
        },
      },
      {
        ...common,
        test: {
          name: 'e2e',
          include: SPAWNING,
          globalSetup: ['tests/global-build.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
