// For the tests that run the built CLI (dist/bin.cjs): before they start, dist/ is rebuilt unless it was
// built from the current source (`scripts/build.mjs --if-stale` compares a hash of the source, the build script,
// package.json, the lock file and patches/ with the stamp in dist/), so that `npx vitest run` after a change never
// tests an old build, and `npm test`, which builds first, does not build twice. The build replaces dist/'s files
// one by one, atomically, so that runs started at the same moment never find dist/bin.cjs missing.
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ROOT } from './helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set where dist/ was checked fresh: `runJuno` refuses to run without it. */
    junoBuilt: boolean;
  }
}

function buildIfStale(): void {
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error('dist/ is not built from the current source and building it failed: nothing to test');
}

export default function setup(project: TestProject): void {
  buildIfStale();
  project.provide('junoBuilt', true);
  // In watch mode, each rerun checks again.
  project.onTestsRerun(buildIfStale);
}
