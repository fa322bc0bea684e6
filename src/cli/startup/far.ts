// The modules few runs need (the commands that write files, fetch or check, and the importer of upstream
// schedules) are a bundle of their own, dist/juno-far.cjs, with a code cache of its own: scripts/build.mjs makes
// each of them, in the program, a stand-in that calls `farModule`. Everything here runs in the bundle only.
import { join } from 'node:path';
import { type CachedModule, loadWithCodeCache } from './code-cache.js';

/** The program as the boot loaded it: its cache folder, variant and build are the far modules' too. */
let program: CachedModule | undefined;
let far: CachedModule | undefined;

/** Called once at start (../run.ts). */
export function rememberProgram(loaded: CachedModule): void {
  program = loaded;
}

/** dist/juno-far.cjs, if this run loaded it: its cache is written with the program's. */
export const loadedFar = (): CachedModule | undefined => far;

/**
 * The far module `key` (`src/cli/commands/export.ts`), loading dist/juno-far.cjs on first use. `table` gives it
 * the program's own instances of the modules both use. A dist/juno-far.cjs of another build is refused.
 */
export function farModule(key: string, table: unknown): unknown {
  far ??= loadWithCodeCache(
    join(__dirname, 'juno-far.cjs'),
    require,
    program?.folder ?? null,
    `${program?.variant ?? 'other'}_far`,
    program?.build ?? '',
  );
  return (far.exports as (key: string, table: unknown) => unknown)(key, table);
}
