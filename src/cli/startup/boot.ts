// The start of every run, bundled as dist/bin.cjs, the executable package.json names: it runs the program from
// V8's code cache so that a warm start skips compiling it. The cache is juno's own on every Node line
// (./code-cache.ts), in the user's private cache folder; Node's `module.enableCompileCache()` is not used, since
// its default folder is shared by all users of the machine. Node compiles this file at every start, without a
// cache: it holds only what a start needs (choosing the program, finding, checking and reading its cache). Writing
// a cache is the program's (`start` in ../run.ts).
import { join } from 'node:path';
import { commandIndex, runsEveryday } from './argv.js';
import { type CachedModule, loadWithCodeCache, userCacheFolder } from './code-cache.js';
import { cacheVariant } from './variant.js';

// Two builds of the program (scripts/build.mjs): the everyday commands, and every command. A cache holds what
// its first run compiled: one per shape of command line, and each shape runs one of the two.
const argv = process.argv.slice(2);
const at = commandIndex(argv);
const loaded = loadWithCodeCache(
  join(__dirname, runsEveryday(argv, at) ? 'juno.cjs' : 'juno-full.cjs'),
  require,
  userCacheFolder(),
  cacheVariant(argv, at),
);
const { start } = loaded.exports as { start?: (loaded: CachedModule) => void };
if (typeof start !== 'function') throw new Error(`${loaded.file} is not juno's program; install juno again`);
start(loaded);
