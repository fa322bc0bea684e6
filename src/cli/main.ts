// The command line's wiring: the program and its global options, commander's errors in juno's form, and the one
// catch that turns every failure into an exit code. The commands themselves are in ./commands/ (one file each,
// listed in ./commands/index.ts), each loaded only when it is defined.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { cleanText, clip, oneLine } from '../timeline/text.js';
import { failureOutput } from './failure.js';
import { COLOR_CHOICES } from './color.js';
import { type AnyCommand, type CommandDefinition, unknownCommand } from './command.js';
import { COMMANDS, commandsToDefine, DEFAULT_COMMAND, type Registry } from './commands/index.js';
import { type GlobalOptions, makeContext } from './context.js';
import { EXIT, JunoError } from './errors.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

/** Longest line of a message on stderr: a safety net under the limits applied where values are quoted. */
const MAX_MESSAGE = 1000;
const messageLine = (text: string) => clip(oneLine(text), MAX_MESSAGE);

const EXIT_HELP = `
Today is --date, else JUNO_DATE, else the local calendar date
(SOURCE_DATE_EPOCH only fixes the time stamps in exported files).
The series is --series, else JUNO_SERIES, else the bundled Juno timeline (or the file --timeline names).
Colour: --color auto (a terminal, NO_COLOR unset, TERM not dumb; FORCE_COLOR forces it), always or never.

Exit codes: 0 success, 1 a check failed or nothing matched, 2 usage error,
            3 the timeline cannot be read or is invalid, 4 output cannot be written,
            5 juno update cannot reach its source (the data in use is kept).
`;

/**
 * Commander's own error text, in juno's form: every line starts `juno: `, and its "(Did you mean …?)" becomes
 * a hint. Arguments it echoes may come from data, so control characters go as everywhere else.
 */
export function commanderMessage(text: string): { text: string; hinted: boolean } {
  let hinted = false;
  const lines = cleanText(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const suggestion = /^\(Did you mean (.+)\?\)$/.exec(line.trim());
      if (suggestion) {
        hinted = true;
        return `juno: hint: did you mean ${suggestion[1]}?`;
      }
      return `juno: ${line.replace(/^error: /, '')}`;
    })
    .map((line) => clip(line, MAX_MESSAGE));
  return { text: `${lines.join('\n')}\n`, hinted };
}

/** The program with its global options, before any command is added. */
function createProgram(io: Io, commanderHint: { given: boolean }) {
  return new Command()
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
    .configureHelp({ showGlobalOptions: true, subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}` })
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        const message = commanderMessage(text);
        commanderHint.given = message.hinted;
        write(message.text);
      },
    })
    .addHelpText('after', EXIT_HELP);
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
  setExitCode: (code: number) => void,
): void {
  const command = program.command(definition.name, {
    isDefault: definition.name === DEFAULT_COMMAND,
    hidden: definition.hidden === true,
  });
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
      for (const note of await ctx.notes(isForPeople(options)))
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
  const lines = [error.message, ...error.details].map((line) => `juno: ${messageLine(line)}\n`);
  if (error.hint) lines.push(`juno: hint: ${messageLine(error.hint)}\n`);
  io.stderr.write(lines.join(''));
}

/**
 * Runs juno with `argv` (without node and the script), and returns the exit code. `commands` is the registry
 * the program is built from.
 */
export async function main(argv: string[], io: Io, commands: Registry = COMMANDS): Promise<number> {
  let exitCode: number = EXIT.ok;
  const commanderHint = { given: false };
  try {
    const program = createProgram(io, commanderHint);
    const wanted = commandsToDefine(argv, Object.keys(commands));
    const names = Object.keys(commands).filter(wanted);
    const definitions = await Promise.all(names.map(async (name) => (await commands[name]?.())?.command));
    for (const definition of definitions) {
      if (definition) addCommand(program, definition, io, argv, (code) => (exitCode = code));
    }
    // `juno help NAME` for a command that does not exist: commander would print the general help and exit 0.
    const [first, second] = argv;
    if (first === 'help' && second !== undefined && !program.commands.some((c) => c.name() === second)) {
      throw unknownCommand(program, second);
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    io.stdout.write(failureOutput(argv, error));
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      if (!commanderHint.given) io.stderr.write('juno: hint: see juno --help\n');
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
