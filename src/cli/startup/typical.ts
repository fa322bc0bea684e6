// Whether this run is one to make a code cache from. A code cache holds the functions its first run compiled
// (./code-cache.ts), and its file is written once per shape of command line: a run that did work the next runs
// of that shape will skip, such as importing a schedule the cache of imports (../timeline-cache.ts) now holds,
// would fill it with code those runs never use, and they would pay for loading it at every start.
let typical = true;

/** This run did work that later runs of its shape will not do: its code cache is not written. */
export function markAtypical(): void {
  typical = false;
}

/** False after `markAtypical`; the program's `start` (../run.ts) asks it before writing the code cache. */
export const codeCacheWanted = (): boolean => typical;
