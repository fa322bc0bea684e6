// Where the command's name is in a command line, after the global options: for the boot (./variant.ts, which
// code cache to use), the registry (../commands/index.ts, which commands to define), the wiring (../main.ts) and
// failures (../failure.ts, whether `juno check` was run). The boot's bundle includes this file: it imports nothing.

/** The command that runs when the arguments name none. */
export const DEFAULT_COMMAND = 'schedule';

/** Global options that take a value, as the next argument or after `=` (`--series indri`, `--series=indri`). */
export const GLOBAL_WITH_VALUE: ReadonlySet<string> = new Set([
  '--timeline',
  '--series',
  '--date',
  '--color',
]);

/**
 * Where the first argument after the global options is: the command's name when it is a word (or a mistyped one).
 * null when another option comes first, undefined when there is none. With `pastOtherOptions`, any other option
 * is passed over as one argument too, as a global one without its value.
 */
export function commandIndex(argv: readonly string[], pastOtherOptions = false): number | null | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (arg === '--no-color' || GLOBAL_WITH_VALUE.has(arg.split('=', 1)[0] as string)) continue;
    else if (!arg.startsWith('-')) return i;
    else if (!pastOtherOptions) return null;
  }
  return undefined;
}

/**
 * The commands of the everyday program, dist/juno.cjs; the program with every command, dist/juno-full.cjs, holds
 * the others too (ical-generator and the SVG for `export`, the publisher, the updater, completion scripts,
 * `validate`). scripts/build.mjs reads this list. Each run loads one of the two.
 */
export const EVERYDAY_COMMANDS: ReadonlySet<string> = new Set([
  'schedule',
  'next',
  'weeks',
  'calendar',
  'info',
  'countdown',
  'phase',
  'check',
  'series',
  'completion-ids',
]);

/**
 * Whether the everyday program can run this command line: it names an everyday command, or none (the default
 * command), after nothing but global options. These are exactly the command lines for which the program defines
 * that one command (`commandsToDefine` in ../commands/index.ts); help, a mistyped command and the rest, which
 * define every command, run the full program.
 */
export function runsEveryday(argv: readonly string[], at = commandIndex(argv)): boolean {
  return at === undefined || (at !== null && EVERYDAY_COMMANDS.has(argv[at] as string));
}
