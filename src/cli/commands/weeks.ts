import { Option } from '@commander-js/extra-typings';
import { WEEKS_FORMATS } from '../../render/formats.js';
import { type WeeksFormat, type WeeksView, weeksRenderers } from '../../render/weeks.js';
import type { Day } from '../../timeline/day.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { viewEvent } from '../../timeline/view.js';
import { cycleWeeks, weekName } from '../../timeline/weeks.js';
import { type CommandResult, type Context, defineCommand } from '../command.js';

export const command = defineCommand({
  name: 'weeks',
  declare: (cmd) =>
    cmd
      .description(
        "the cycle week by week (R-26 … R+3 for Juno): each week's dates and events, this week marked",
      )
      .option(
        '-a, --all',
        'also the weeks outside the cycle that hold events (summits before, end of life after)',
      )
      .addOption(
        new Option('-f, --format <format>', 'output format').choices(WEEKS_FORMATS).default('table' as const),
      ),
  examples: [
    'juno weeks --date 2014-09-21',
    'juno weeks --all --format markdown',
    'juno weeks --format json | jq ".weeks[] | select(.current)"',
  ],
  parse: (_args, options) => [{ all: options.all === true, format: options.format }],
  handler: weeksCommand,
});

export interface WeeksOptions {
  all: boolean;
  format: WeeksFormat;
}

export function buildWeeksView(timeline: Timeline, today: Day, options: { all: boolean }): WeeksView {
  return {
    series: timeline.series,
    title: timeline.title,
    releaseId: timeline.releaseId,
    today,
    todayWeek: weekName(timeline, today),
    phase: phaseAt(timeline, today)?.phase.name ?? null,
    weeks: cycleWeeks(timeline, today, { all: options.all }).map((week) => ({
      name: week.name,
      start: week.start,
      end: week.end,
      current: week.current,
      events: week.events.map((e) => viewEvent(timeline, e, today)),
    })),
  };
}

export async function weeksCommand(ctx: Context, options: WeeksOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const view = buildWeeksView(timeline, ctx.today, options);
  return { stdout: weeksRenderers[options.format](view, ctx.style) };
}
