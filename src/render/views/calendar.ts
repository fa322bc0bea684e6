// What `juno calendar` shows: month grids from a given month, each week named, each month with its events.
import { addDays, type Day, daysInMonth, formatDay } from '../../timeline/day.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { type EventView, viewEvent } from '../../timeline/view.js';
import { weekName } from '../../timeline/weeks.js';
import { type TimelineHeading, timelineHeading } from './heading.js';

export interface CalendarWeek {
  /** The Monday of the grid row (may fall in the previous month). */
  monday: Day;
  /** The week's name, as every view gives it (see `weekName`). */
  name: string;
}

export interface CalendarMonth {
  /** `YYYY-MM` */
  month: string;
  weeks: CalendarWeek[];
  /** Events with at least one day in the month, in schedule order. */
  events: EventView[];
}

/** The calendar has no JSON form: this view is read by the grid renderer only. */
export interface CalendarView extends TimelineHeading {
  /** The phase of the cycle today, if the timeline has phases. */
  phase: string | null;
  months: CalendarMonth[];
}

/** `count` months from `first` (`YYYY-MM`). */
export function calendarView(timeline: Timeline, today: Day, first: string, count: number): CalendarView {
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i)).map((month) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const start = `${month}-01`;
    const end = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
    return {
      month,
      weeks: monthWeeks(month).map((monday) => ({ monday, name: weekName(timeline, monday) })),
      events: timeline.events
        .filter((e) => e.start <= end && e.end >= start)
        .map((e) => viewEvent(timeline, e, today)),
    };
  });
  const phase = phaseAt(timeline, today)?.phase.name ?? null;
  return { ...timelineHeading(timeline, today), phase, months };
}

/** The grid rows of a month: every Monday from the one on or before the 1st to the one on or before the last day. */
export function monthWeeks(month: string): Day[] {
  const first = `${month}-01`;
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
  const mondays: Day[] = [];
  const weekday = Number(formatDay(first, 'i'));
  for (let monday = addDays(first, 1 - weekday); monday <= last; monday = addDays(monday, 7)) {
    mondays.push(monday);
  }
  return mondays;
}

/** `YYYY-MM` plus `count` months. */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
