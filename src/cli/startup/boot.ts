// The start of every run, bundled as dist/bin.cjs, the executable package.json names: it runs the program
// (dist/juno.cjs, built from src/cli/run.ts) from V8's code cache so that a warm start skips compiling it. The
// cache is juno's own on every Node line (./code-cache.ts), in the user's private cache folder; Node's
// `module.enableCompileCache()` is not used, since its default folder is shared by all users of the machine.
// Node compiles this file at every start, without a cache: it holds only what a start needs (finding, checking and
// reading the cache). Writing one, and loading dist/juno-far.cjs, are the program's (../run.ts, ./far.ts).
import { join } from 'node:path';
import { type CachedModule, loadWithCodeCache, userCacheFolder } from './code-cache.js';
import { cacheVariant } from './variant.js';

// A cache holds what its first run compiled: one per shape of command line.
const loaded = loadWithCodeCache(
  join(__dirname, 'juno.cjs'),
  require,
  userCacheFolder(),
  cacheVariant(process.argv.slice(2)),
);
const { start } = loaded.exports as { start?: (loaded: CachedModule) => void };
if (typeof start !== 'function')
  throw new Error(`${__dirname}/juno.cjs is not juno's program; install juno again`);
start(loaded);
