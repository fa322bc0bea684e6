// The executable (bundled as dist/bin.cjs, package.json's bin): runs the program (dist/juno.cjs) from V8's code cache
// so that a warm start skips compiling it. Node 22.1+ has a compile cache of its own; Node 20 uses ours.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from './code-cache.js';

const program = fileURLToPath(new URL('./juno.cjs', import.meta.url));
const { enableCompileCache } = module as { enableCompileCache?: () => unknown };
if (typeof enableCompileCache === 'function') {
  enableCompileCache();
  module.createRequire(program)(program);
} else {
  // One cache per command: each compiles a different part of the program, and a cache holds what was compiled.
  const command = process.argv[2] ?? '';
  const loaded = loadWithCodeCache(program, undefined, /^[a-z]{2,12}$/.test(command) ? command : 'other');
  process.once('exit', () => loaded.save());
}
