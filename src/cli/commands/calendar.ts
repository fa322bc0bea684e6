import { addMonths, type CalendarView, monthWeeks, renderCalendar } from '../../render/calendar.js';
import { timelineName } from '../../render/format.js';
import { type Day, daysInMonth } from '../../timeline/day.js';
import { weekNameAt } from '../../timeline/named-weeks.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { viewEvent } from '../../timeline/view.js';
import type { Context } from '../context.js';
import type { CommandResult } from '../main.js';

export interface CalendarCommandOptions {
  /** `YYYY-MM`; default: the month of today. */
  month: string | undefined;
  months: number;
}

export function buildCalendarView(
  timeline: Timeline,
  today: Day,
  first: string,
  count: number,
): CalendarView {
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i)).map((month) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const start = `${month}-01`;
    const end = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
    return {
      month,
      weeks: monthWeeks(month).map((monday) => ({ monday, name: weekNameAt(timeline, monday) })),
      events: timeline.events
        .filter((e) => e.start <= end && e.end >= start)
        .map((e) => viewEvent(timeline, e, today)),
    };
  });
  const title = timelineName(timeline);
  const phase = phaseAt(timeline, today)?.phase.name ?? null;
  return { title, today, todayWeek: weekNameAt(timeline, today), phase, months };
}

export async function calendarCommand(ctx: Context, options: CalendarCommandOptions): Promise<CommandResult> {
  const { timeline } = await ctx.load();
  const first = options.month ?? ctx.today.slice(0, 7);
  const view = buildCalendarView(timeline, ctx.today, first, options.months);
  return { stdout: renderCalendar(view, { style: ctx.style, width: Math.min(80, ctx.width ?? 80) }) };
}
