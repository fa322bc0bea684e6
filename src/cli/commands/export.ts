// `juno export`: the schedule as a file for other programs (an iCalendar file for calendar apps).
import { Option } from '@commander-js/extra-typings';
import { exportRenderers } from '../../render/export.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../render/formats.js';
import {
  type ExportSelection,
  type ExportSettings,
  type ExportView,
  exportSelection,
  exportView,
} from '../../render/views/export.js';
import { parseInstant } from '../../timeline/day.js';
import { oneLine } from '../../timeline/text.js';
import type { Kind } from '../../timeline/types.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';
import { DataError, UsageError } from '../errors.js';
import { lastCommitDate } from '../git.js';
import type { LoadedTimeline } from '../load.js';
import { kindOption, parseKinds } from '../options.js';
import { nothingMatched, present } from '../present.js';
import { fileLabel } from '../read.js';
import { sourceDateEpoch } from '../today.js';
import { quoted } from '../usage.js';
import { VERSION } from '../version.js';

export const command = defineCommand({
  name: 'export',
  forPrograms: true,
  declare: (cmd) =>
    cmd
      .description(
        'write the schedule as a calendar file (iCalendar) to import or subscribe to, or as an SVG picture',
      )
      .option('-o, --output <file>', 'write to this file, atomically, instead of stdout ("-" is stdout)')
      .addOption(
        new Option(
          '-f, --format <format>',
          "ics: a calendar; svg: a picture of the cycle (default: the -o file's extension, else ics)",
        ).choices(EXPORT_FORMATS),
      )
      .addOption(kindOption())
      .option('--alarm <duration>', 'a reminder this long before each event: 30m, 2h, 1d, 1w')
      .option(
        '--name <name>',
        "the calendar's name in calendar apps, or the picture's title (default: the timeline's)",
      )
      .option('--weeks', "one all-day entry per week of the cycle (releases.openstack.org's style)")
      .addOption(
        new Option(
          '--method <method>',
          'METHOD:PUBLISH, for a calendar sent by mail (default: none, as CalDAV servers want)',
        ).choices(['publish'] as const),
      ),
  examples: [
    'juno export -o juno.ics',
    'juno export --kind release,summit --alarm 1d -o juno-releases.ics',
    'juno export --format svg -o juno.svg --date 2014-09-21',
  ],
  parse: (_args, options) => [
    {
      format: exportFormat(options.format, options.output),
      kinds: parseKinds(options.kind ?? []),
      alarm: options.alarm,
      weeks: options.weeks === true,
      method: options.method ?? null,
      name: options.name,
      output: options.output,
    },
  ],
  handler: exportCommand,
});

export interface ExportOptions {
  format: ExportFormat;
  kinds: Kind[];
  /** `--alarm` as typed, e.g. "1d". */
  alarm: string | undefined;
  name: string | undefined;
  /** `-o`: a file, `-` or nothing for stdout. */
  output: string | undefined;
  /** One entry per week (upstream's style). */
  weeks: boolean;
  /** `--method publish`, or null. */
  method: 'publish' | null;
}

/** The formats a file name's extension says, in any case. */
const EXTENSIONS: Record<string, ExportFormat> = { '.ics': 'ics', '.ical': 'ics', '.svg': 'svg' };
const FILE_NAMES: Record<ExportFormat, string> = { ics: 'an iCalendar', svg: 'an SVG' };

/** The format: `--format`, else the one `-o FILE`'s extension says, else ics; a --format the extension contradicts is refused. */
export function exportFormat(given: ExportFormat | undefined, output: string | undefined): ExportFormat {
  const extension = /\.[^./\\]+$/.exec(output ?? '')?.[0].toLowerCase();
  const implied = extension === undefined ? undefined : EXTENSIONS[extension];
  if (given !== undefined && implied !== undefined && given !== implied) {
    throw new UsageError(
      `--format ${given} contradicts -o ${quoted(output ?? '')}, ${FILE_NAMES[implied]} file name`,
      `leave out --format, or name the file .${given} (see juno export --help)`,
    );
  }
  return given ?? implied ?? 'ics';
}

const ALARM_UNITS = { m: 60, h: 3600, d: 86_400, w: 604_800 } as const;

/** `--alarm 30m|2h|1d|1w` as seconds before the event. */
export function parseAlarm(text: string): number {
  const match = /^(\d{1,4})([mhdw])$/.exec(text.trim().toLowerCase());
  if (!match) {
    throw new UsageError(
      `--alarm ${quoted(text)}: expected a duration such as 30m, 2h, 1d or 1w`,
      'a number followed by m (minutes), h (hours), d (days) or w (weeks)',
    );
  }
  return Number(match[1]) * ALARM_UNITS[match[2] as keyof typeof ALARM_UNITS];
}

/** The timeline's `updated` as an instant (the loader has checked it; a file read otherwise may not be). */
export function parseUpdated(text: string, label: string): Date {
  const instant = parseInstant(text);
  if (!instant) throw new DataError(`${label}: updated: "${oneLine(text)}" is not a valid date-time`);
  return instant;
}

/** The instants a calendar is stamped with. Never the wall clock, so that the same data gives the same bytes. */
export interface ExportStamps {
  /** DTSTAMP: `SOURCE_DATE_EPOCH`, else the data's revision. */
  stamp: Date;
  /**
   * The data's revision (LAST-MODIFIED where an event has no `updated`): the later of the timeline's `updated`
   * and the last commit of its files (so that a committed edit counts without touching `updated`), else
   * `SOURCE_DATE_EPOCH`, else their modification time.
   */
  revision: Date;
}

/**
 * The stamps of a calendar made from a timeline (`updated`) read from files that were last committed at
 * `commit` (null outside a git checkout) and modified at `modified`.
 */
export function exportStamps(
  env: NodeJS.ProcessEnv,
  updated: string | null,
  commit: Date | null,
  modified: Date,
  label: string,
): ExportStamps {
  const epoch = sourceDateEpoch(env);
  const declared = updated === null ? null : parseUpdated(updated, label);
  const latest = declared !== null && commit !== null && commit > declared ? commit : (declared ?? commit);
  const revision = latest ?? epoch ?? modified;
  return { stamp: epoch ?? revision, revision };
}

/** What a calendar is asked to be, besides its events and its stamps. */
export type CalendarChoices = Pick<ExportSettings, 'name' | 'method' | 'alarmSeconds' | 'weeks'>;

/**
 * The calendar `juno export` makes of a loaded timeline, narrowed to `selection`, with its stamps: in a git checkout,
 * the last commit of the files read, the same in every clone, as upstream's own calendar.
 */
export function calendarView(
  ctx: Context,
  loaded: LoadedTimeline,
  selection: ExportSelection,
  choices: CalendarChoices,
): ExportView {
  const { timeline, file, inputs, modified } = loaded;
  return exportView(selection, ctx.today, {
    name: choices.name,
    ...exportStamps(
      ctx.io.env,
      timeline.updated,
      lastCommitDate(inputs, ctx.io.env),
      modified,
      fileLabel(file),
    ),
    method: choices.method,
    alarmSeconds: choices.alarmSeconds,
    version: VERSION,
    weeks: choices.weeks,
  });
}

export async function exportCommand(ctx: Context, options: ExportOptions): Promise<CommandResult> {
  if (options.output === '')
    throw new UsageError('-o needs a file name', 'e.g. -o juno.ics, or -o - for stdout');
  if (options.format !== 'ics') {
    for (const [flag, given] of [
      ['--alarm', options.alarm !== undefined],
      ['--weeks', options.weeks],
      ['--method', options.method !== null],
    ] as const) {
      if (given)
        throw new UsageError(
          `${flag} applies to calendars (--format ics), not to --format ${options.format}`,
        );
    }
  }
  const alarmSeconds = options.alarm === undefined ? null : parseAlarm(options.alarm);
  if (options.name !== undefined && oneLine(options.name).trim() === '') {
    throw new UsageError('--name: the name must not be empty');
  }
  const loaded = await ctx.load();
  const selection = exportSelection(loaded.timeline, options.kinds);
  if (selection.nothing) return nothingMatched(selection.nothing);
  const view = calendarView(ctx, loaded, selection, {
    name: options.name ?? null,
    method: options.method,
    alarmSeconds,
    weeks: options.weeks,
  });
  const { stdout } = present(ctx, view, exportRenderers[options.format]);
  if (options.output === undefined) return { stdout };
  // Loaded only for -o: atomic file writes need node:crypto and node:fs/promises.
  const { isStdout, writeOutput } = await import('../output.js');
  if (isStdout(options.output)) return { stdout };
  await writeOutput(options.output, stdout, { input: loaded.file });
  return { stdout: '' };
}
