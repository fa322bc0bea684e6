// The command line: options are declared here, each command's work is loaded only when it runs.
import { Command, CommanderError, Option } from '@commander-js/extra-typings';

// biome-ignore lint/suspicious/noExplicitAny: any command of the program, whatever its options
type AnyCommand = Command<any, any, any>;

import { SCHEDULE_FORMATS } from '../render/schedule.js';
import { cleanText, clip, oneLine } from '../timeline/text.js';
import { KINDS, type Kind } from '../timeline/types.js';
import { COLOR_CHOICES } from './color.js';
import { type Context, type GlobalOptions, makeContext } from './context.js';
import { EXIT, JunoError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

/** What a command produces: the whole of stdout, written at once, and its exit code. */
export interface CommandResult {
  stdout: string;
  exitCode?: number;
  /** Lines for stderr (warnings), each printed as `juno: ...`. */
  messages?: string[];
}

export function parseKinds(values: string[]): Kind[] {
  const kinds = values
    .flatMap((v) => v.split(','))
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  for (const kind of kinds) {
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`unknown kind "${oneLine(kind)}"`, `kinds are ${KINDS.join(', ')}`);
    }
  }
  return kinds as Kind[];
}

/** Longest line of a message on stderr: a safety net under the limits applied where values are quoted. */
const MAX_MESSAGE = 1000;
const messageLine = (text: string) => clip(oneLine(text), MAX_MESSAGE);

const collect = (value: string, previous: string[] = []) => [...previous, value];

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

const EXIT_HELP = `
Today is --date, else SOURCE_DATE_EPOCH, else the local calendar date.
Colour: --color auto (a terminal, NO_COLOR unset, TERM not dumb; FORCE_COLOR forces it), always or never.

Exit codes: 0 success, 1 a check failed or nothing matched, 2 usage error,
            3 the timeline cannot be read or is invalid, 4 output cannot be written.
`;

function buildProgram(
  io: Io,
  run: (work: (ctx: Context) => Promise<CommandResult>, cmd: AnyCommand) => Promise<void>,
) {
  const program = new Command()
    .name('juno')
    .description(
      'The OpenStack Juno release schedule: dates with evidence, countdowns, calendars and CI gates.',
    )
    .version(VERSION, '-V, --version')
    .option('--timeline <file>', 'read this timeline (JSON or YAML) instead of the bundled Juno one')
    .option('--date <YYYY-MM-DD>', 'take this day as today')
    .addOption(
      new Option('--color <when>', 'colour the output').choices(COLOR_CHOICES).default('auto' as const),
    )
    .option('--no-color', 'same as --color never')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander echoes arguments, which may come from data: control characters go like everywhere else.
      outputError: (text, write) =>
        write(
          cleanText(text)
            .split('\n')
            .map((line) => clip(line, MAX_MESSAGE))
            .join('\n')
            .replace(/^error: /, 'juno: '),
        ),
    })
    .addHelpText('after', EXIT_HELP);

  program
    .command('schedule', { isDefault: true })
    .description('print the schedule: every event with its date, week and countdown (the default command)')
    .argument('[command]', 'hidden: catches unknown command names')
    .option(
      '-k, --kind <kinds>',
      `only these kinds, repeatable or comma-separated (${KINDS.join(', ')})`,
      collect,
    )
    .option('-u, --upcoming', 'only events that are running or still to come')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(SCHEDULE_FORMATS)
        .default('table' as const),
    )
    .addHelpText(
      'after',
      examples(
        'juno schedule --date 2014-09-21',
        'juno schedule --kind freeze,milestone --upcoming',
        'juno schedule --format json | jq ".events[] | select(.status == \\"upcoming\\")"',
      ),
    )
    .action(async (unknown, options, cmd) => {
      if (unknown !== undefined) {
        const names = program.commands.map((c) => c.name());
        const close = names.filter((n) => n.startsWith(unknown.slice(0, 2)));
        throw new UsageError(
          `unknown command '${oneLine(unknown)}'`,
          close.length > 0 ? `did you mean ${close.join(' or ')}? (see juno --help)` : 'see juno --help',
        );
      }
      await run(async (ctx) => {
        const { scheduleCommand } = await import('./commands/schedule.js');
        return scheduleCommand(ctx, {
          kinds: parseKinds(options.kind ?? []),
          upcoming: options.upcoming === true,
          format: options.format,
        });
      }, cmd);
    });

  program
    .command('info')
    .description('what the cycle brought: projects integrated and incubated, highlights, summits')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json'] as const)
        .default('text' as const),
    )
    .addHelpText('after', examples('juno info', 'juno info --format json | jq .projects.incubated'))
    .action(async (options, cmd) => {
      await run(async (ctx) => {
        const { infoCommand } = await import('./commands/info.js');
        return infoCommand(ctx, options);
      }, cmd);
    });

  return program;
}

function writeError(io: Io, error: JunoError): void {
  const lines = [error.message, ...error.details].map((line) => `juno: ${messageLine(line)}\n`);
  if (error.hint) lines.push(`juno: hint: ${messageLine(error.hint)}\n`);
  io.stderr.write(lines.join(''));
}

/** Runs juno with `argv` (without node and the script), and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const run = async (work: (ctx: Context) => Promise<CommandResult>, cmd: AnyCommand) => {
    const ctx = makeContext(io, cmd.optsWithGlobals() as unknown as GlobalOptions);
    const result = await work(ctx);
    for (const message of result.messages ?? []) io.stderr.write(`juno: ${messageLine(message)}\n`);
    if (result.stdout !== '') io.stdout.write(result.stdout);
    exitCode = result.exitCode ?? EXIT.ok;
  };
  try {
    await buildProgram(io, run).parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help') return EXIT.ok;
      io.stderr.write('juno: hint: see juno --help\n');
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
