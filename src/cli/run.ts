// The program's entry, bundled as dist/juno.cjs and dist/juno-full.cjs: the boot (./startup/boot.ts) loads one
// and calls `start`, which wires the real process to `main`, sets the exit code once, and writes its code cache
// at exit.
import { main } from './main.js';
import { type CachedModule, saveCodeCache } from './startup/code-cache.js';
import { exitWhenWritten, standardError, standardOutput } from './startup/streams.js';
import { codeCacheWanted } from './startup/typical.js';
import { useBuild } from './timeline-cache.js';

/**
 * Runs juno. A cache holds what its first run compiled, so the program's is written after a run that ended
 * normally (exit 0, or 1 for a check that failed or nothing that matched), never after an error, and not after a
 * run that was not a typical one of its shape.
 */
export function start(loaded: CachedModule): void {
  useBuild(loaded.build);
  // `on`, not `once`: the process exits once, and `once` costs its wrapper's compiling at every start.
  process.on('exit', (code) => {
    if ((code === 0 || code === 1) && codeCacheWanted()) saveCodeCache(loaded);
  });
  void main(process.argv.slice(2), {
    env: process.env,
    now: () => new Date(),
    stdout: standardOutput(),
    stderr: standardError(),
  }).then(exitWhenWritten);
}
