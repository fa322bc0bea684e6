// The command line's wiring: the program and its global options, commander's errors in juno's form, and the one
// catch that turns every failure into an exit code. The commands themselves are in ./commands/ (one file each,
// listed in ./commands/index.ts), each loaded only when it is defined.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { fitLines } from '../render/table.js';
import { COLOR_CHOICES } from './color.js';
import { type AnyCommand, type CommandDefinition, unknownCommand } from './command.js';
import { COMMANDS, commandsToDefine, DEFAULT_COMMAND, type Registry } from './commands/index.js';
import { type GlobalOptions, makeContext, outputWidth } from './context.js';
import { EXIT, JunoError, UsageError } from './errors.js';
import { failureOutput, messageLine, messageLines, notAFailure } from './failure.js';
import type { Io } from './io.js';
import { commandIndex } from './startup/argv.js';
import { usageError } from './usage.js';
import { VERSION } from './version.js';

const EXIT_HELP = `
Today is --date, else JUNO_DATE, else the local calendar date
(SOURCE_DATE_EPOCH only fixes the time stamps in exported files).
The series is --series, else JUNO_SERIES, else the bundled Juno timeline (or the file --timeline names).
Colour: --color auto (a terminal, NO_COLOR unset, TERM not dumb; FORCE_COLOR forces it), always or never.

Exit codes: 0 success, 1 a check failed or nothing matched, 2 usage error,
            3 the timeline cannot be read or is invalid, 4 output cannot be written,
            5 juno update cannot reach its source (the data in use is kept).
`;

/** Commander reports its usage errors through `error()` on the command concerned: juno's words instead. */
function ownErrors<C extends AnyCommand>(cmd: C, shown: AnyCommand = cmd): C {
  cmd.error = (message: string, options?: { code?: string }): never => {
    throw usageError(cmd, message, options?.code, shown);
  };
  return cmd;
}

/** The program with its global options, before any command is added. */
function createProgram(io: Io) {
  const program = new Command()
    .name('juno')
    .description(
      'The OpenStack Juno release schedule: dates with evidence, countdowns, calendars and CI gates.',
    )
    .version(VERSION, '-V, --version')
    .option(
      '--timeline <file>',
      'read this timeline (JSON or YAML, or an openstack/releases schedule.yaml) instead of the bundled Juno one',
    )
    .option(
      '--series <name>',
      'read the bundled schedule of this series: a name (indri), a version (2027.1), or current (in development)',
    )
    .option('--date <YYYY-MM-DD>', 'take this day as today')
    .addOption(
      new Option('--color <when>', 'colour the output').choices(COLOR_CHOICES).default('auto' as const),
    )
    .option('--no-color', 'same as --color never')
    .exitOverride()
    .configureHelp({
      showGlobalOptions: true,
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`,
      helpWidth: outputWidth(io) ?? 80,
    })
    .showSuggestionAfterError(true)
    .configureOutput({
      // Commander wraps what it lays out; the examples and notes added after it are wrapped here.
      writeOut: (text) => io.stdout.write(fitLines(text, outputWidth(io))),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText('after', EXIT_HELP);
  return ownErrors(program);
}

/**
 * Adds a command from its definition. Its action checks what commander parsed (usage errors first), then makes
 * the context, runs the handler, and writes what it returns: stdout at once, messages to stderr.
 */
function addCommand(
  program: AnyCommand,
  definition: CommandDefinition,
  io: Io,
  argv: readonly string[],
  named: boolean,
  setExitCode: (code: number) => void,
): void {
  const isDefault = definition.name === DEFAULT_COMMAND;
  const command = program.command(definition.name, { isDefault, hidden: definition.hidden === true });
  // The default command run without its name (`juno --bogus`) is spoken of as juno itself.
  ownErrors(command, isDefault && !named ? program : command);
  definition
    .declare(command as unknown as Command)
    .addHelpText('after', `\nExamples:\n${definition.examples.map((line) => `  $ ${line}`).join('\n')}`)
    .action(async (...params: unknown[]) => {
      // Commander passes the arguments, then the options, then the command.
      const cmd = params.pop() as AnyCommand;
      const options = params.pop() as Record<string, unknown>;
      const input = definition.parse(params, options, { argv, program });
      const ctx = await makeContext(io, cmd.optsWithGlobals() as unknown as GlobalOptions);
      const result = await definition.handler(ctx, ...input);
      for (const message of result.messages ?? []) io.stderr.write(`juno: ${messageLine(message)}\n`);
      if (typeof result.stdout === 'string') {
        if (result.stdout !== '') io.stdout.write(result.stdout);
      } else {
        for (const piece of result.stdout) io.stdout.write(piece);
      }
      for (const note of await ctx.notes(definition.forPrograms !== true && isForPeople(options)))
        io.stderr.write(`juno: ${messageLine(note)}\n`);
      setExitCode(result.exitCode ?? EXIT.ok);
    });
}

/** Output read by people (a table, text), not by programs (JSON, CSV, a calendar, a bare number): where notes go. */
function isForPeople(options: Record<string, unknown>): boolean {
  const format = options.format ?? 'table';
  return (format === 'table' || format === 'text') && options.plain !== true;
}

function writeError(io: Io, error: JunoError): void {
  io.stderr.write(
    messageLines(error)
      .map((line) => `juno: ${line}\n`)
      .join(''),
  );
}

/**
 * Runs juno with `argv` (without node and the script), and returns the exit code. `commands` is the registry
 * the program is built from.
 */
export async function main(argv: string[], io: Io, commands: Registry = COMMANDS): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    const program = createProgram(io);
    const at = commandIndex(argv);
    const wanted = commandsToDefine(argv, Object.keys(commands), at);
    const names = Object.keys(commands).filter(wanted);
    const definitions = await Promise.all(names.map(async (name) => (await commands[name]?.())?.command));
    for (const definition of definitions) {
      if (definition)
        addCommand(program, definition, io, argv, typeof at === 'number', (code) => (exitCode = code));
    }
    // An unknown first word is a mistyped command, whatever follows it (`juno countdwon release`, `juno nxt -n 3`):
    // left to commander, it would reach the default command as an argument and be reported as something else.
    // `juno help NAME` for a command that does not exist likewise: commander would print the general help, exit 0.
    let named: string | undefined;
    if (typeof at === 'number') named = argv[at] === 'help' ? argv[at + 1] : argv[at];
    if (
      named !== undefined &&
      named !== 'help' &&
      !named.startsWith('-') &&
      !program.commands.some((c) => c.name() === named)
    )
      throw unknownCommand(program, named);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    io.stdout.write(failureOutput(argv, error));
    if (error instanceof CommanderError) {
      if (notAFailure(error.code)) return EXIT.ok;
      // Usage errors come as UsageErrors (see ownErrors); anything else commander stops for is one too.
      writeError(io, new UsageError(error.message.replace(/^error: /, ''), 'see juno --help'));
      return EXIT.usage;
    }
    if (error instanceof JunoError) {
      writeError(io, error);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `juno: unexpected failure: ${messageLine(message)}\njuno: hint: please report this with the command you ran\n`,
    );
    return 70;
  }
}
