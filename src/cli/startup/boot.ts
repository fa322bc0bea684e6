// The start of every run, bundled as dist/bin.cjs, the executable package.json names: it runs the program
// (dist/juno.cjs, built from src/cli/run.ts) from V8's code cache so that a warm start skips compiling it. The
// cache is juno's own on every Node line (./code-cache.ts), in the user's private cache folder; Node's
// `module.enableCompileCache()` is not used, since its default folder is shared by all users of the machine.
// This runs before anything else on every start, so it loads only node:fs, node:path and node:vm; the checksum
// of a cache file is CRC-32 from Node's zlib binding, without loading node:zlib (see ./code-cache.ts).
import { join } from 'node:path';
import { loadWithCodeCache, userCacheFolder } from './code-cache.js';
import { cacheVariant } from './variant.js';

// A CommonJS bundle beside juno.cjs: `__dirname` and `require` are the folder and the resolver of both.
const program = join(__dirname, 'juno.cjs');
// A cache holds what its first run compiled: one per shape of command line, written after a run that ended
// normally (exit 0, or 1 for a check that failed or nothing that matched), never after an error, and not
// after a run the program calls untypical.
const loaded = loadWithCodeCache(program, require, userCacheFolder(), cacheVariant(process.argv.slice(2)));
// The program may say that this run was not a typical one of its shape (./typical.ts).
const wanted = (loaded.exports as { codeCacheWanted?: () => boolean }).codeCacheWanted;
process.once('exit', (code) => {
  if ((code === 0 || code === 1) && wanted?.() !== false) loaded.save();
});
