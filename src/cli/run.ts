// The process entry: wires the real process to `main` and sets the exit code once.
import { main } from './main.js';

// A closed pipe (`juno schedule | head -1`) is not an error worth a trace: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void main(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
