import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/**
 * The real schedules of every series, laid out as a checkout of openstack/releases: `JUNO_OPENSTACK_RELEASES`,
 * else `../shared/reference/openstack-releases` beside this checkout (where CI has it). Upstream's prose stays
 * out of this repository, so tests read it from there. Missing: a notice and the real-cycle cases are skipped;
 * when CI requires everything, a missing checkout fails instead.
 */
export const RELEASES =
  process.env.JUNO_OPENSTACK_RELEASES ??
  fileURLToPath(new URL('../../shared/reference/openstack-releases', import.meta.url));

export function hasReleases(): boolean {
  const found = existsSync(`${RELEASES}/data/series_status.yaml`);
  if (!found) {
    if (REQUIRE_EXTERNAL)
      throw new Error(`${RELEASES} is required (JUNO_REQUIRE_EXTERNAL=1) but was not found`);
    console.warn(
      `NOTICE: ${RELEASES} not found (set JUNO_OPENSTACK_RELEASES to a checkout of openstack/releases); real cycles are not tested`,
    );
  }
  return found;
}
