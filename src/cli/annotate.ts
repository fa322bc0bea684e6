// `juno check --format github` in a CI job: a failure before any check ran (a usage error, a timeline that cannot
// be read, an unknown event) is an `::error` annotation on stdout as well as the message on stderr, so that the
// job's summary shows why the gate did not run. The format is read from argv itself, since the failure may be
// that commander could not parse it.
import { annotation } from '../render/github.js';
import { clip, oneLine } from '../timeline/text.js';
import { JunoError } from './errors.js';

/** Global options that take a value (as in ./commands/index.ts), to find the command word after them. */
const GLOBAL_WITH_VALUE = new Set(['--timeline', '--series', '--date', '--color']);
/** `juno check`'s options that take a value, so that a value such as `--before -f` is not read as an option. */
const CHECK_WITH_VALUE = new Set(['--before', '--until', '--after', '-w', '--warn-within']);

/** The `--format` that `juno check` is run with in `argv` (the last one given, as commander takes it), or null. */
export function checkFormat(argv: readonly string[]): string | null {
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] as string;
    if (GLOBAL_WITH_VALUE.has(arg)) i += 2;
    else if (arg.startsWith('-')) i += 1;
    else break;
  }
  if (argv[i] !== 'check') return null;
  let format: string | null = null;
  for (i += 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (CHECK_WITH_VALUE.has(arg)) i++;
    else if (arg === '--format' || arg === '-f') format = argv[++i] ?? null;
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (/^-f[^-]/.test(arg)) format = arg.slice(2);
  }
  return format;
}

/** What commander stops for without a failure. */
const NOT_FAILURES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/**
 * The annotation for a failure of this run, when it is `juno check --format github`: the message and its further
 * lines (every problem of an invalid timeline), then the hint. Empty otherwise, and for help and --version.
 */
export function failureAnnotation(argv: readonly string[], failure: unknown): string {
  if (checkFormat(argv) !== 'github') return '';
  let lines: string[];
  if (failure instanceof JunoError) {
    lines = [failure.message, ...failure.details];
    if (failure.hint) lines.push(`hint: ${failure.hint}`);
  } else if (failure instanceof Error && 'code' in failure && typeof failure.code === 'string') {
    if (NOT_FAILURES.has(failure.code)) return '';
    lines = [failure.message.replace(/^error: /, '')];
  } else {
    return '';
  }
  return annotation('error', 'juno', lines.map((line) => clip(oneLine(line), 1000)).join('\n'));
}
