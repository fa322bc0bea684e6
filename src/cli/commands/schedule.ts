import { Option } from '@commander-js/extra-typings';
import { SCHEDULE_FORMATS, type ScheduleFormat } from '../../render/formats.js';
import { type ScheduleView, scheduleRenderers } from '../../render/schedule.js';
import type { Day } from '../../timeline/day.js';
import { cycleProgress, cycleSpan, filterByKind, phaseAt, upcomingEvents } from '../../timeline/query.js';
import { oneLine } from '../../timeline/text.js';
import type { Kind, Timeline } from '../../timeline/types.js';
import { viewEvent } from '../../timeline/view.js';
import { weekName } from '../../timeline/weeks.js';
import { type CommandResult, type Context, defineCommand, unknownCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { kindOption, parseKinds } from '../options.js';

export const command = defineCommand({
  name: 'schedule',
  declare: (cmd) =>
    cmd
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
      ),
  examples: [
    'juno schedule --date 2014-09-21',
    'juno schedule --kind freeze,milestone --upcoming',
    'juno schedule --format json | jq ".events[] | select(.status == \\"upcoming\\")"',
  ],
  parse: ([unknown], options, { argv, program }) => {
    if (unknown !== undefined) {
      if (argv.includes('schedule')) {
        throw new UsageError(
          `schedule takes no arguments, got '${oneLine(unknown)}'`,
          'see juno schedule --help',
        );
      }
      throw unknownCommand(program, unknown);
    }
    return [
      { kinds: parseKinds(options.kind ?? []), upcoming: options.upcoming === true, format: options.format },
    ];
  },
  handler: scheduleCommand,
});

export interface ScheduleOptions {
  kinds: Kind[];
  upcoming: boolean;
  format: ScheduleFormat;
}

export function buildScheduleView(
  timeline: Timeline,
  today: Day,
  options: Omit<ScheduleOptions, 'format'>,
): ScheduleView {
  let events = filterByKind(timeline.events, options.kinds);
  if (options.upcoming) events = upcomingEvents(events, today);
  return {
    series: timeline.series,
    title: timeline.title,
    releaseId: timeline.releaseId,
    today,
    todayWeek: weekName(timeline, today),
    phase: phaseAt(timeline, today)?.phase ?? null,
    progress: cycleProgress(timeline, today),
    cycle: cycleSpan(timeline),
    events: events.map((e) => viewEvent(timeline, e, today)),
  };
}

export async function scheduleCommand(ctx: Context, options: ScheduleOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const view = buildScheduleView(timeline, ctx.today, options);
  const stdout = scheduleRenderers[options.format](view, { style: ctx.style, width: ctx.width });
  if (view.events.length === 0 && (options.kinds.length > 0 || options.upcoming)) {
    return { stdout, exitCode: 1, messages: ['no events match the filters'] };
  }
  return { stdout };
}
