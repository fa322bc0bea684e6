// Which code cache a command line uses. A cache holds the functions its first run compiled, so one made by
// `juno next` would leave `juno export` compiling most of what it runs: each shape of command line gets its own.
// This runs in the boot, before the program is loaded, so it reads argv by pattern: the command definitions are
// in the program, and loading them here would cost what the cache saves.

import { commandIndex, DEFAULT_COMMAND } from './argv.js';

/**
 * The cache variant for a command line: the command and the options given (not their values, except the
 * format's), such as `schedule.date` or `next.series` (for `juno --series indri next`: global options may come
 * first). A command line that names no command runs the default one and shares its caches (`juno --date X` uses
 * `schedule.date`). Anything unusual shares `other`. Read with plain string tests: this runs at every start in code
 * compiled from scratch, where each regular expression costs as much as the rest of the function.
 */
export function cacheVariant(argv: readonly string[], at = commandIndex(argv)): string {
  if (at === null) return 'other';
  const command = at === undefined ? DEFAULT_COMMAND : (argv[at] as string);
  const rest = at === undefined ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (command.length > 16 || !isWord(command, 0, command.length, true) || command.length < 2) return 'other';
  const parts = new Set<string>();
  const end = rest.indexOf('--');
  (end === -1 ? rest : rest.slice(0, end)).forEach((arg, i) => {
    // An option: one or two hyphens, a name of letters and hyphens, and perhaps `=value`.
    const from = arg.startsWith('--') ? 2 : arg.startsWith('-') ? 1 : 0;
    const equals = arg.indexOf('=');
    const to = equals === -1 ? arg.length : equals;
    if (from === 0 || !isWord(arg, from, to, true)) return;
    const given = arg.slice(from, to);
    const name = given === 'f' ? 'format' : given;
    const value = equals === -1 ? (rest[i + 1] ?? '') : arg.slice(equals + 1);
    const known = value.length <= 10 && isWord(value, 0, value.length, false);
    parts.add(name === 'format' && known ? `format-${value}` : name);
  });
  const variant = [command, ...[...parts].sort()].join('.');
  return variant.length <= 80 ? variant : 'other';
}

/** Whether text[from, to) is a lowercase word: a letter a-z, then letters (and hyphens with `hyphens`). */
function isWord(text: string, from: number, to: number, hyphens: boolean): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 0x61 && code <= 0x7a) || (hyphens && i > from && code === 0x2d))) return false;
  }
  return true;
}
