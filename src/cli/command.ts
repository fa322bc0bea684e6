// What a command is: its declaration for commander, the check of what commander parsed, and its handler. Each
// file in ./commands/ defines one with `defineCommand`; ./commands/index.ts lists them; main.ts only wires.
import type { Command, OptionValues } from '@commander-js/extra-typings';
import type { Output } from '../render/format.js';
import { closestNames } from '../timeline/query.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { quoted } from './usage.js';

export type { Context } from './context.js';

/** What a command produces: the whole of stdout, written at once, and its exit code. */
export interface CommandResult {
  /** A large document may come in pieces, written in order (see toJsonPieces). */
  stdout: Output;
  exitCode?: number;
  /** Lines for stderr (warnings), each printed as `juno: ...`. */
  messages?: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: any command of the program, whatever its arguments and options
export type AnyCommand = Command<any, any, any>;

/** What a command's `parse` may need besides its own arguments and options. */
export interface Invocation {
  /** The arguments juno was given, without node and the script. */
  argv: readonly string[];
  /** The program, with every command that this run defines. */
  program: AnyCommand;
}

export interface CommandDefinition<
  Args extends unknown[] = unknown[],
  Opts extends OptionValues = OptionValues,
  Input extends unknown[] = unknown[],
> {
  name: string;
  /** Left out of the help and the completion scripts: a helper that those scripts call. */
  hidden?: boolean;
  /**
   * Its output is read by programs whatever the options (a calendar, a picture, a shell script): notes for people
   * (the first run's pointer to today's cycle) never go with it.
   */
  forPrograms?: boolean;
  /** Description, arguments and options, in one chain on the command main.ts creates with `name`. */
  declare(command: Command): Command<Args, Opts>;
  /** Command lines shown under "Examples:" in its help, without the `$ `. */
  examples: readonly string[];
  /**
   * What commander parsed, checked and turned into the handler's arguments after its context. Runs before the
   * context is made, so that a usage error comes before any other.
   */
  parse(args: Args, options: Opts, invocation: Invocation): Input;
  handler(ctx: Context, ...input: Input): Promise<CommandResult>;
}

/** A command's definition, with its option types inferred from the commander chain in `declare`. */
export function defineCommand<Args extends unknown[], Opts extends OptionValues, Input extends unknown[]>(
  definition: CommandDefinition<Args, Opts, Input>,
): CommandDefinition<Args, Opts, Input> {
  return definition;
}

/** A name that is not one of the program's commands, with the closest ones suggested. */
export function unknownCommand(program: AnyCommand, name: string): UsageError {
  const close = closestNames(
    program.commands.map((c) => c.name()),
    name,
  );
  return new UsageError(
    `unknown command ${quoted(name)}`,
    close.length > 0 ? `did you mean ${close.join(' or ')}? (see juno --help)` : 'see juno --help',
  );
}
