import { spawnSync } from 'node:child_process';

/** True when `.ci/run` asks for every external program to be present (it installs them). */
export const REQUIRE_EXTERNAL = process.env.JUNO_REQUIRE_EXTERNAL === '1';

/**
 * Whether `program` can be run here. Missing: a visible notice, and the test is skipped; but when CI requires
 * external programs, a missing one fails loudly instead.
 */
export function hasProgram(program: string, versionArgs: string[] = ['--version']): boolean {
  const found = spawnSync(program, versionArgs, { stdio: 'ignore' }).error === undefined;
  if (!found) {
    if (REQUIRE_EXTERNAL)
      throw new Error(`${program} is required (JUNO_REQUIRE_EXTERNAL=1) but was not found`);
    console.warn(`NOTICE: ${program} is not installed; the tests that need it are skipped`);
  }
  return found;
}
