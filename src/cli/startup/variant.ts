// Which code cache a command line uses. A cache holds the functions its first run compiled, so one made by
// `juno next` would leave `juno export` compiling most of what it runs: each shape of command line gets its own.
// This runs in the boot, before the program is loaded, so it reads argv by pattern: the command definitions are
// in the program, and loading them here would cost what the cache saves.

import { commandIndex, DEFAULT_COMMAND } from './argv.js';

/**
 * The cache variant for a command line: the command and the options given (not their values, except the
 * format's), such as `schedule.date` or `next.series` (for `juno --series indri next`: global options may come
 * first). A command line that names no command runs the default one and shares its caches (`juno --date X` uses
 * `schedule.date`). Anything unusual shares `other`.
 */
export function cacheVariant(argv: readonly string[]): string {
  const at = commandIndex(argv);
  if (at === null) return 'other';
  const command = at === undefined ? DEFAULT_COMMAND : (argv[at] as string);
  const rest = at === undefined ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];
  if (!/^[a-z][a-z-]{1,15}$/.test(command)) return 'other';
  const parts = new Set<string>();
  const end = rest.indexOf('--');
  (end === -1 ? rest : rest.slice(0, end)).forEach((arg, i) => {
    const option = /^--?([a-z][a-z-]*)(=.*)?$/.exec(arg);
    if (!option) return;
    const name = option[1] === 'f' ? 'format' : (option[1] as string);
    const value = option[2]?.slice(1) ?? rest[i + 1] ?? '';
    parts.add(name === 'format' && /^[a-z]{1,10}$/.test(value) ? `format-${value}` : name);
  });
  const variant = [command, ...[...parts].sort()].join('.');
  return variant.length <= 80 ? variant : 'other';
}
