import { type WeeksFormat, type WeeksView, weeksRenderers } from '../../render/weeks.js';
import type { Day } from '../../timeline/day.js';
import { weekNameAt } from '../../timeline/named-weeks.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { viewEvent } from '../../timeline/view.js';
import { cycleWeeks } from '../../timeline/weeks.js';
import type { Context } from '../context.js';
import type { CommandResult } from '../main.js';

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
    todayWeek: weekNameAt(timeline, today),
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
