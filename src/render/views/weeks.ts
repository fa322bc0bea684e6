// What `juno weeks` shows: the cycle week by week, each week with its events.
import type { Day } from '../../timeline/day.js';
import { phaseAt } from '../../timeline/query.js';
import type { Timeline } from '../../timeline/types.js';
import { type EventView, type SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';
import { cycleWeeks, type Week } from '../../timeline/weeks.js';
import { type TimelineHeading, timelineHeading } from './heading.js';

/** A week of the model (see `cycleWeeks`), its events as the JSON contract shows them. */
export interface WeekView extends Omit<Week, 'events'> {
  events: EventView[];
}

export interface WeeksView extends TimelineHeading {
  phase: string | null;
  weeks: WeekView[];
}

/** `juno weeks --format json`: the versioned contract, events by id. */
export interface WeeksJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  weeks: { name: string; start: Day; end: Day; current: boolean; events: string[] }[];
}

export function weeksView(timeline: Timeline, today: Day, options: { all: boolean }): WeeksView {
  return {
    ...timelineHeading(timeline, today),
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

export function weeksJson(view: WeeksView): WeeksJson {
  return {
    schemaVersion: view.schemaVersion,
    series: view.series,
    today: view.today,
    weeks: view.weeks.map((w) => ({
      name: w.name,
      start: w.start,
      end: w.end,
      current: w.current,
      events: w.events.map((e) => e.id),
    })),
  };
}
