// The executable (bundled as dist/bin.cjs, package.json's bin): runs the program (dist/juno.cjs) from V8's code cache
// so that a warm start skips compiling it. Node 22.1+ has a compile cache of its own; Node 20 uses ours.
// This runs before anything else on every start, so it loads only node:fs, node:path and node:vm on Node 20.
import { join } from 'node:path';
import { cacheVariant, loadWithCodeCache } from './code-cache.js';

// A CommonJS bundle beside juno.cjs: `__dirname` and `require` are the folder and the resolver of both.
const program = join(__dirname, 'juno.cjs');
if (Number.parseInt(process.versions.node, 10) >= 22) {
  const module = require('node:module') as { enableCompileCache?: () => unknown };
  module.enableCompileCache?.();
  require(program);
} else {
  // A cache holds what its first run compiled: one per shape of command line, written after a successful run.
  const loaded = loadWithCodeCache(program, require, undefined, cacheVariant(process.argv.slice(2)));
  process.once('exit', (code) => {
    if (code === 0) loaded.save();
  });
}
