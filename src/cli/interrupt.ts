// What juno leaves behind when it is told to stop half-way through writing (a temporary file of `-o`, the new
// folder of `publish`): removed, then the signal ends juno as it would have (a shell reports 128 + its number).

/** The signals that end juno while it writes. */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

/** Runs `cleanUp` if juno is told to stop, then lets the signal end the process. Returns the function that stops. */
export function cleanUpOnSignal(cleanUp: () => void): () => void {
  const stop = () => {
    for (const signal of Object.keys(SIGNALS)) process.removeListener(signal, onSignal);
  };
  const onSignal = (signal: keyof typeof SIGNALS) => {
    try {
      cleanUp();
    } catch {
      // Not made yet, already gone, or nothing more can be done on the way out.
    }
    stop();
    // With no listener left the signal has its default effect again: juno ends by it, as if never caught.
    process.kill(process.pid, signal);
    process.exit(128 + SIGNALS[signal]);
  };
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  return stop;
}
