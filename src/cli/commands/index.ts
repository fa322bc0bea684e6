// The registry: every command of juno, in the order `juno --help` lists them. A command's module (its
// declaration, its handler and everything they import) is loaded only when the command is defined, and a run
// defines only the command it runs when it can tell which (see commandsToDefine).
import type { CommandDefinition } from '../command.js';
import { commandIndex, DEFAULT_COMMAND as DEFAULT_NAME } from '../startup/argv.js';

// biome-ignore lint/suspicious/noExplicitAny: a registry holds commands whatever their arguments and options
type AnyDefinition = CommandDefinition<any, any, any>;

export const COMMANDS = {
  schedule: () => import('./schedule.js'),
  weeks: () => import('./weeks.js'),
  calendar: () => import('./calendar.js'),
  info: () => import('./info.js'),
  next: () => import('./next.js'),
  countdown: () => import('./countdown.js'),
  phase: () => import('./phase.js'),
  check: () => import('./check.js'),
  completion: () => import('./completion.js'),
  'completion-ids': () => import('./completion-ids.js'),
  validate: () => import('./validate.js'),
  series: () => import('./series.js'),
  export: () => import('./export.js'),
  publish: () => import('./publish.js'),
  update: () => import('./update.js'),
} satisfies Record<string, () => Promise<{ command: AnyDefinition }>>;

/** Commands by name, each with the loader of its module: COMMANDS, or another set in tests. */
export type Registry = Record<string, () => Promise<{ command: AnyDefinition }>>;

/** The command that runs when the arguments name none. */
export const DEFAULT_COMMAND: keyof typeof COMMANDS = DEFAULT_NAME;

/**
 * Which commands to define for these arguments: only the one that runs when the arguments name it after nothing
 * but global options (or name none: the default command), and all of them otherwise, for help, completion, and
 * whatever commander has to list or suggest from. Each definition costs start-up time.
 */
export function commandsToDefine(
  argv: readonly string[],
  names: readonly string[] = Object.keys(COMMANDS),
  at = commandIndex(argv),
): (name: string) => boolean {
  // The first argument after the global options when it is a word; null or undefined as for commandIndex.
  const word = typeof at === 'number' ? argv[at] : at;
  if (word === undefined) return (name) => name === DEFAULT_COMMAND;
  if (word !== null && names.includes(word) && word !== 'completion') return (name) => name === word;
  return () => true;
}
