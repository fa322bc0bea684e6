// The command line: options are declared here, each command's work is loaded only when it runs.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { EXPORT_FORMATS } from '../render/export.js';
import type { Output } from '../render/format.js';
import {
  CHECK_FORMATS,
  SCHEDULE_FORMATS,
  SERIES_FORMATS,
  SHELLS,
  TEXT_OR_JSON,
  VALIDATE_FORMATS,
  WEEKS_FORMATS,
} from '../render/formats.js';
import type { Condition } from '../timeline/check.js';
import { isSupportedDay, SUPPORTED_DAYS } from '../timeline/day.js';
import { closestNames } from '../timeline/query.js';
import { SERIES_FILTERS, type SeriesFilter } from '../timeline/series.js';
import { cleanText, clip, oneLine } from '../timeline/text.js';
import { KINDS, type Kind } from '../timeline/types.js';
import { COLOR_CHOICES } from './color.js';
import { type Context, type GlobalOptions, makeContext } from './context.js';
import { EXIT, JunoError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

// biome-ignore lint/suspicious/noExplicitAny: any command of the program, whatever its options
type AnyCommand = Command<any, any, any>;

/** What a command produces: the whole of stdout, written at once, and its exit code. */
export interface CommandResult {
  /** A large document may come in pieces, written in order (see toJsonPieces). */
  stdout: Output;
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

/** `--month YYYY-MM`: a real month in the supported years, or a usage error. */
export function parseMonth(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw new UsageError(
      `--month ${oneLine(value)}: not a month`,
      'give a month as YYYY-MM, e.g. --month 2014-09',
    );
  }
  if (!isSupportedDay(`${value}-01`)) {
    throw new UsageError(
      `--month ${value}: outside the supported years ${SUPPORTED_DAYS.years}`,
      'e.g. --month 2014-09',
    );
  }
  return value;
}

export const MAX_MONTHS = 36;

/** `--months N`: how many months to show, 1 to MAX_MONTHS. */
export function parseMonthCount(value: string): number {
  const count = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1 && count <= MAX_MONTHS)) {
    throw new UsageError(
      `--months ${oneLine(value)}: not a number of months`,
      `give a whole number from 1 to ${MAX_MONTHS}, e.g. --months 3`,
    );
  }
  return count;
}

/** Longest line of a message on stderr: a safety net under the limits applied where values are quoted. */
const MAX_MESSAGE = 1000;
const messageLine = (text: string) => clip(oneLine(text), MAX_MESSAGE);

/** A repeated option's values: pushed, since copying the list for each of thousands of values is quadratic. */
const collect = (value: string, previous: string[] = []) => {
  previous.push(value);
  return previous;
};

/** `--kind`, shared by the commands that list events. */
const kindOption = () =>
  new Option(
    '-k, --kind <kinds>',
    `only these kinds, repeatable or comma-separated (${KINDS.join(', ')})`,
  ).argParser(collect);

function wholeNumber(minimum: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < minimum) {
      throw new InvalidArgumentError(`expected a whole number ≥ ${minimum}`);
    }
    return Number(value);
  };
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}

const EXIT_HELP = `
Today is --date, else SOURCE_DATE_EPOCH, else the local calendar date.
Colour: --color auto (a terminal, NO_COLOR unset, TERM not dumb; FORCE_COLOR forces it), always or never.

Exit codes: 0 success, 1 a check failed or nothing matched, 2 usage error,
            3 the timeline cannot be read or is invalid, 4 output cannot be written.
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

/** A name that is not one of the program's commands, with the closest ones suggested. */
function unknownCommand(program: AnyCommand, name: string): UsageError {
  const close = closestNames(
    program.commands.map((c: AnyCommand) => c.name()),
    name,
  );
  return new UsageError(
    `unknown command '${oneLine(name)}'`,
    close.length > 0 ? `did you mean ${close.join(' or ')}? (see juno --help)` : 'see juno --help',
  );
}

/** Global options that take a value, to find the command name after them. */
const GLOBAL_WITH_VALUE = new Set(['--timeline', '--date', '--color']);

/**
 * Which commands `buildProgram` defines for these arguments: only the one that runs when the arguments name it
 * after nothing but global options (or name none: the default schedule), and all of them otherwise, for help,
 * completion, and whatever commander has to list or suggest from. Each definition costs start-up time.
 */
export function commandsToDefine(argv: readonly string[]): (name: string) => boolean {
  const all = () => true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (arg === '--no-color' || GLOBAL_WITH_VALUE.has(arg.split('=', 1)[0] as string)) continue;
    else if (arg.startsWith('-')) return all;
    else return COMMAND_NAMES.has(arg) && arg !== 'completion' ? (name) => name === arg : all;
  }
  return (name) => name === 'schedule';
}

const COMMAND_NAMES = new Set([
  'schedule',
  'weeks',
  'calendar',
  'info',
  'next',
  'countdown',
  'phase',
  'check',
  'completion',
  'validate',
  'series',
  'export',
]);

function buildProgram(
  io: Io,
  run: (work: (ctx: Context) => Promise<CommandResult>, cmd: AnyCommand) => Promise<void>,
  commanderHint: { given: boolean },
  argv: string[],
) {
  const wanted = commandsToDefine(argv);
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

  if (wanted('schedule')) {
    program
      .command('schedule', { isDefault: true })
      .description('print the schedule: every event with its date, week and countdown (the default command)')
      // Catches a mistyped command name (juno schedle), which would otherwise reach schedule as an argument.
      .argument('[command]')
      .usage('[options]')
      .configureHelp({ showGlobalOptions: true, visibleArguments: () => [] })
      .addOption(kindOption())
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
          if (argv.includes('schedule')) {
            throw new UsageError(
              `schedule takes no arguments, got '${oneLine(unknown)}'`,
              'see juno schedule --help',
            );
          }
          throw unknownCommand(program, unknown);
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
  }

  if (wanted('weeks')) {
    program
      .command('weeks')
      .description(
        "the cycle week by week (R-26 … R+3 for Juno): each week's dates and events, this week marked",
      )
      .option(
        '-a, --all',
        'also the weeks outside the cycle that hold events (summits before, end of life after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(WEEKS_FORMATS).default('table' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno weeks --date 2014-09-21',
          'juno weeks --all --format markdown',
          'juno weeks --format json | jq ".weeks[] | select(.current)"',
        ),
      )
      .action(async (options, cmd) => {
        await run(async (ctx) => {
          const { weeksCommand } = await import('./commands/weeks.js');
          return weeksCommand(ctx, { all: options.all === true, format: options.format });
        }, cmd);
      });
  }

  if (wanted('calendar')) {
    program
      .command('calendar')
      .description('month grids like cal (weeks start on Monday) with event days marked and a legend')
      .option('-m, --month <YYYY-MM>', 'the first month to show (default: the month of today)')
      .option('-n, --months <count>', 'how many months to show, stacked one under another', '1')
      .addHelpText(
        'after',
        examples(
          'juno calendar',
          'juno calendar --month 2014-09 --date 2014-09-21',
          'juno calendar --month 2014-09 --months 3',
        ),
      )
      .action(async (options, cmd) => {
        const month = options.month === undefined ? undefined : parseMonth(options.month);
        const months = parseMonthCount(options.months);
        await run(async (ctx) => {
          const { calendarCommand } = await import('./commands/calendar.js');
          return calendarCommand(ctx, { month, months });
        }, cmd);
      });
  }

  if (wanted('info')) {
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
  }

  if (wanted('next')) {
    program
      .command('next')
      .description('the next event(s) to begin, counting one that begins today')
      .addOption(kindOption())
      .option('-n, --count <n>', 'the next N events (JSON then gives a list)', wholeNumber(1))
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno next --date 2014-09-21',
          'juno next --kind freeze --count 3',
          'juno next --format json | jq -r .event.id',
        ),
      )
      .action(async (options, cmd) => {
        await run(async (ctx) => {
          const { nextCommand } = await import('./commands/countdown.js');
          return nextCommand(ctx, {
            kinds: parseKinds(options.kind ?? []),
            count: options.count,
            format: options.format,
          });
        }, cmd);
      });
  }

  if (wanted('countdown')) {
    program
      .command('countdown')
      .description('days until an event (or since it), by id or alias: release, ff, j-3, final, ...')
      .argument('<event>', 'an event id or alias, case-insensitive')
      .option(
        '-p, --plain',
        'print only the signed number of days until the first day (1 the day before, 0 on the day, -1 after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno countdown release --date 2014-09-21',
          'juno countdown ff --plain',
          'juno countdown kilo-summit --format json',
        ),
      )
      .action(async (name, options, cmd) => {
        await run(async (ctx) => {
          const { countdownCommand } = await import('./commands/countdown.js');
          return countdownCommand(ctx, name, { format: options.format, plain: options.plain === true });
        }, cmd);
      });
  }

  if (wanted('phase')) {
    program
      .command('phase')
      .description(
        'the current phase of the cycle: its id on the first line, then since when and what ends it',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(TEXT_OR_JSON).default('text' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno phase --date 2014-09-21',
          'juno phase | head -1',
          'juno phase --format json | jq -r .next.start',
        ),
      )
      .action(async (options, cmd) => {
        await run(async (ctx) => {
          const { phaseCommand } = await import('./commands/phase.js');
          return phaseCommand(ctx, options);
        }, cmd);
      });
  }

  if (wanted('check')) {
    // Conditions keep the order they were given in.
    const conditions: { condition: Condition; name: string }[] = [];
    const condition =
      (kind: Condition) =>
      (value: string, previous: string[] = []) => {
        conditions.push({ condition: kind, name: value });
        previous.push(value);
        return previous;
      };
    program
      .command('check')
      .description('a CI gate: exit 0 when every condition holds today, 1 when one does not')
      .option('--before <event>', 'today is before the first day of EVENT (repeatable)', condition('before'))
      .option(
        '--until <event>',
        'today is on or before the last day of EVENT (repeatable)',
        condition('until'),
      )
      .option(
        '--after <event>',
        'today is on or after the first day of EVENT (repeatable)',
        condition('after'),
      )
      .option(
        '-w, --warn-within <days>',
        'warn when a condition holds but its boundary is at most DAYS away',
        wholeNumber(0),
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno check --before feature-freeze --date 2014-09-03',
          'juno check --before ff --warn-within 7 --format github',
          'juno check --after rc1 --until release --format json',
        ),
      )
      .action(async (options, cmd) => {
        await run(async (ctx) => {
          const { checkCommand } = await import('./commands/check.js');
          return checkCommand(ctx, {
            conditions,
            warnWithin: options.warnWithin ?? null,
            format: options.format,
          });
        }, cmd);
      });
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('print a shell completion script (see the README for installing it)')
      .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
      .addHelpText(
        'after',
        examples(
          'juno completion bash > ~/.local/share/bash-completion/completions/juno',
          'juno completion zsh > ~/.zfunc/_juno',
          'juno completion fish > ~/.config/fish/completions/juno.fish',
        ),
      )
      .action(async (shell, _options, cmd) => {
        await run(async (ctx) => {
          const { completionCommand } = await import('./commands/completion.js');
          return completionCommand(ctx, shell, program);
        }, cmd);
      });
  }

  if (wanted('validate')) {
    program
      .command('validate')
      .description(
        'check a timeline (juno format or an openstack/releases schedule.yaml) and list every problem and warning',
      )
      .argument('[file]', 'the file to check; default: the --timeline file, else the bundled data')
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(VALIDATE_FORMATS)
          .default('text' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno validate',
          'juno validate my-cycle.yaml',
          'juno validate releases/doc/source/indri/schedule.yaml --format json',
        ),
      )
      .action(async (file, options, cmd) => {
        await run(async (ctx) => {
          const { validateCommand } = await import('./commands/validate.js');
          return validateCommand(ctx, file, options);
        }, cmd);
      });
  }

  if (wanted('series')) {
    program
      .command('series')
      .description('every OpenStack series, austin to indri: version, release, end of life and status today')
      .argument('[name]', 'show only this series (a name such as juno, or a version such as 2014.2)')
      .option('--all', 'every series (the default)')
      .option('--supported', 'series in development or maintained')
      .option('--maintained', 'maintained series')
      .option('--unmaintained', 'unmaintained series')
      .option('--eol', 'series at end of life')
      .option('--development', 'the series in development')
      .addOption(
        new Option(
          '--days <milestone>',
          'add the signed days from today to the release or the end of life',
        ).choices(['release', 'eol'] as const),
      )
      .addOption(
        new Option('-f, --format <format>', 'output format')
          .choices(SERIES_FORMATS)
          .default('table' as const),
      )
      .addHelpText(
        'after',
        examples(
          'juno series --supported',
          'juno series juno --format json',
          'juno series --eol --days eol --format csv',
        ),
      )
      .action(async (name, options, cmd) => {
        const chosen = SERIES_FILTERS.filter((f) => options[f] === true);
        if (chosen.length > 1) {
          throw new UsageError(
            `choose one filter, not ${chosen.map((f) => `--${f}`).join(' and ')}`,
            'e.g. juno series --supported',
          );
        }
        const filter: SeriesFilter = chosen[0] ?? 'all';
        await run(async (ctx) => {
          const { seriesCommand } = await import('./commands/series.js');
          return seriesCommand(ctx, name, { filter, days: options.days ?? null, format: options.format });
        }, cmd);
      });
  }

  if (wanted('export')) {
    program
      .command('export')
      .description(
        'write the schedule as a calendar file (iCalendar) to import or subscribe to, or as an SVG picture',
      )
      .option('-o, --output <file>', 'write to this file, atomically, instead of stdout ("-" is stdout)')
      .addOption(
        new Option('-f, --format <format>', 'ics: a calendar; svg: a picture of the cycle')
          .choices(EXPORT_FORMATS)
          .default('ics' as const),
      )
      .addOption(kindOption())
      .option('--alarm <duration>', 'a reminder this long before each event: 30m, 2h, 1d, 1w')
      .option('--name <name>', "the calendar's name in calendar apps (default: the timeline's title)")
      .option('--weeks', "one all-day entry per week holding events (releases.openstack.org's style)")
      .addHelpText(
        'after',
        examples(
          'juno export -o juno.ics',
          'juno export --kind release,summit --alarm 1d -o juno-releases.ics',
          'juno export --format svg -o juno.svg --date 2014-09-21',
        ),
      )
      .action(async (options, cmd) => {
        await run(async (ctx) => {
          const { exportCommand } = await import('./commands/export.js');
          return exportCommand(ctx, {
            format: options.format,
            kinds: parseKinds(options.kind ?? []),
            alarm: options.alarm,
            weeks: options.weeks === true,
            name: options.name,
            output: options.output,
          });
        }, cmd);
      });
  }
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
    const ctx = await makeContext(io, cmd.optsWithGlobals() as unknown as GlobalOptions);
    const result = await work(ctx);
    for (const message of result.messages ?? []) io.stderr.write(`juno: ${messageLine(message)}\n`);
    if (typeof result.stdout === 'string') {
      if (result.stdout !== '') io.stdout.write(result.stdout);
    } else {
      for (const piece of result.stdout) io.stdout.write(piece);
    }
    exitCode = result.exitCode ?? EXIT.ok;
  };
  const commanderHint = { given: false };
  try {
    const program = buildProgram(io, run, commanderHint, argv);
    // `juno help NAME` for a command that does not exist: commander would print the general help and exit 0.
    const [first, second] = argv;
    if (first === 'help' && second !== undefined && !program.commands.some((c) => c.name() === second)) {
      throw unknownCommand(program, second);
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
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
