import { Option } from '@commander-js/extra-typings';
import { SCHEDULE_FORMATS, type ScheduleFormat } from '../../render/formats.js';
import { scheduleRenderers } from '../../render/schedule.js';
import { scheduleView } from '../../render/views/schedule.js';
import type { Kind } from '../../timeline/types.js';
import { type CommandResult, type Context, defineCommand, unknownCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { kindOption, parseKinds } from '../options.js';
import { present } from '../present.js';
import { quoted } from '../usage.js';

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
          `schedule takes no arguments, got ${quoted(unknown)}`,
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

export async function scheduleCommand(ctx: Context, options: ScheduleOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  return present(ctx, scheduleView(timeline, ctx.today, options), scheduleRenderers[options.format]);
}
