import type { ScheduleFormat } from '../../render/formats.js';
import { type ScheduleView, scheduleRenderers } from '../../render/schedule.js';
import type { Day } from '../../timeline/day.js';
import { weekNameAt } from '../../timeline/named-weeks.js';
import { cycleProgress, cycleSpan, filterByKind, phaseAt, upcomingEvents } from '../../timeline/query.js';
import type { Kind, Timeline } from '../../timeline/types.js';
import { viewEvent } from '../../timeline/view.js';
import type { Context } from '../context.js';
import type { CommandResult } from '../main.js';

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
    todayWeek: weekNameAt(timeline, today),
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
