// What a failure prints on stdout for the programs reading it, beside the message on stderr. Under `juno check
// --format github` (a CI job), any failure before the check ran (a usage error, a timeline that cannot be read, an
// unknown event) is an `::error` annotation, so that the job's page shows why the gate did not run. Under
// `--format json`, a run that found nothing before any view was made (`--series current` on a day the series
// data knows no series in development on: exit 1) still prints one JSON document. The format is read from argv
// itself, since the failure may be that commander could not parse it.
import { toJson } from '../render/format.js';
import { annotation } from '../render/github.js';
import { clip, oneLine } from '../timeline/text.js';
import { SCHEMA_VERSION } from '../timeline/view.js';
import { EXIT, JunoError } from './errors.js';
import { commandIndex, GLOBAL_WITH_VALUE } from './startup/argv.js';

/** Longest line of a message (stderr, an annotation): a safety net under the limits applied where values are quoted. */
const MAX_MESSAGE = 1000;
/** A line of a message: one line, of at most MAX_MESSAGE characters. */
export const messageLine = (text: string) => clip(oneLine(text), MAX_MESSAGE);

/** `juno check`'s options that take a value, so that a value such as `--before -f` is not read as an option. */
const CHECK_WITH_VALUE = new Set(['--before', '--until', '--after', '-w', '--warn-within']);

/** `--format X`, `--format=X`, `-f X` or `-fX` at `argv[i]`: the format, with how many arguments it takes. */
function formatAt(argv: readonly string[], i: number): { format: string | null; length: number } | null {
  const arg = argv[i] as string;
  if (arg === '--format' || arg === '-f') return { format: argv[i + 1] ?? null, length: 2 };
  if (arg.startsWith('--format=')) return { format: arg.slice('--format='.length), length: 1 };
  if (/^-f[^-]/.test(arg)) return { format: arg.slice(2), length: 1 };
  return null;
}

/** The `--format` of any command in `argv` (the last one given, as commander takes it), or null. */
export function formatOf(argv: readonly string[]): string | null {
  let format: string | null = null;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const found = formatAt(argv, i);
    if (found) {
      format = found.format;
      i += found.length - 1;
    } else if (GLOBAL_WITH_VALUE.has(argv[i] as string)) i++;
  }
  return format;
}

/** The `--format` that `juno check` is run with in `argv` (the last one given, as commander takes it), or null. */
export function checkFormat(argv: readonly string[]): string | null {
  // Any option may come before `check`: `juno --bogus check --format github` is annotated too.
  const at = commandIndex(argv, true);
  if (typeof at !== 'number' || argv[at] !== 'check') return null;
  let format: string | null = null;
  for (let i = at + 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const found = formatAt(argv, i);
    if (CHECK_WITH_VALUE.has(arg)) i++;
    else if (found) {
      format = found.format;
      i += found.length - 1;
    }
  }
  return format;
}

/** What commander stops for without a failure: help and the version (exit 0). */
const NOT_FAILURES = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

/** Whether commander stopped with this code for help or the version, not for a failure. */
export const notAFailure = (code: string) => NOT_FAILURES.has(code);

/**
 * A failure's lines for people: the message, its further lines (every problem of an invalid timeline) and the
 * hint after `hint: `, each one line and clipped: the hint alone for stderr, where each line follows `juno: `, or
 * with its label for an annotation (`clipWithLabel`).
 */
export function messageLines(failure: JunoError, clipWithLabel = false): string[] {
  const lines = [failure.message, ...failure.details].map(messageLine);
  const { hint } = failure;
  if (hint) lines.push(clipWithLabel ? messageLine(`hint: ${hint}`) : `hint: ${messageLine(hint)}`);
  return lines;
}

/** An annotation's lines: a JunoError's or commander's; null for anything else, and for help and --version. */
function failureLines(failure: unknown): string[] | null {
  if (failure instanceof JunoError) return messageLines(failure, true);
  // Commander's own (juno's one catch reports anything else as an unexpected failure, not a usage error).
  if (!(failure instanceof Error && 'code' in failure && `${failure.code}`.startsWith('commander.')))
    return null;
  return notAFailure(failure.code as string) ? null : [messageLine(failure.message.replace(/^error: /, ''))];
}

/**
 * What this run's failure prints on stdout: under `juno check --format github` an `::error` annotation (nothing
 * for help and --version); under `--format json`, when nothing was found (exit 1), a JSON document with no series
 * and the reason. Empty otherwise.
 */
export function failureOutput(argv: readonly string[], failure: unknown): string {
  if (checkFormat(argv) === 'github') {
    const lines = failureLines(failure);
    return lines === null ? '' : annotation('error', 'juno', lines.join('\n'));
  }
  if (failure instanceof JunoError && failure.exitCode === EXIT.failed && formatOf(argv) === 'json') {
    const nothing = { message: oneLine(failure.message), hint: failure.hint ? oneLine(failure.hint) : null };
    // oneLine leaves nothing toJson would escape: the same bytes as JSON.stringify.
    return toJson({ schemaVersion: SCHEMA_VERSION, series: null, nothing });
  }
  return '';
}
