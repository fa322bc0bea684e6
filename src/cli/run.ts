// The process entry: wires the real process to `main` and sets the exit code once.
import { EXIT } from './errors.js';
import { main } from './main.js';

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
};

// A closed pipe (`juno schedule | head -1`) means the reader has what it wanted: stop quietly. Any other
// failure to write stdout (a full disk) is exit 4 with one line on stderr, never a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  const reason = WRITE_FAILURES[error.code ?? ''] ?? `error ${error.code ?? 'writing'}`;
  process.stderr.write(`juno: standard output: cannot write: ${reason}\n`);
  process.exit(EXIT.output);
});
// When stderr itself cannot be written there is nobody left to tell; the exit code still says it.
process.stderr.on('error', () => process.exit(process.exitCode || EXIT.output));

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: process.stdout,
  stderr: process.stderr,
});
