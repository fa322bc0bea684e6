// The process entry, bundled as dist/juno.cjs (which the boot, ./startup/boot.ts, runs): wires the real process
// to `main` and sets the exit code once.
import { main } from './main.js';
import { exitWhenWritten, standardError, standardOutput } from './startup/streams.js';

// Asked by the boot before it writes the code cache.
export { codeCacheWanted } from './startup/typical.js';

void main(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: standardOutput(),
  stderr: standardError(),
}).then(exitWhenWritten);
