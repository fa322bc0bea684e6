// What `juno next` shows: the next event(s) to begin, counting one that begins today.
import { type Day, longDay } from '../../timeline/day.js';
import { filterByKind, nextEvents } from '../../timeline/query.js';
import type { Kind, Timeline } from '../../timeline/types.js';
import { type EventView, SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';
import type { Selection } from '../render.js';

/** `juno next --format json`: the versioned contract. */
export interface NextJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: Day;
  /** Without `--count`: the next event, or null when none is ahead. */
  event?: EventView | null;
  /** With `--count`: the next events, or an empty list when none is ahead. */
  events?: EventView[];
}

export interface NextView extends NextJson, Selection {}

export interface NextQuery {
  kinds: Kind[];
  /** How many events; undefined for the next one alone. */
  count: number | undefined;
}

export function nextView(timeline: Timeline, today: Day, query: NextQuery): NextView {
  const events = nextEvents(filterByKind(timeline.events, query.kinds), today, query.count ?? 1).map((e) =>
    viewEvent(timeline, e, today),
  );
  const what = query.kinds.length > 0 ? `no ${query.kinds.join(' or ')} event` : 'no event';
  const nothing =
    events.length === 0
      ? { message: `${what} begins on or after ${longDay(today)} in ${timeline.series}`, hint: null }
      : null;
  const head = { schemaVersion: SCHEMA_VERSION, series: timeline.series, today };
  return query.count === undefined
    ? { ...head, event: events[0] ?? null, nothing }
    : { ...head, events, nothing };
}

/** The events of the view, one or many. */
export function nextEventsOf(view: NextView): EventView[] {
  return view.events ?? (view.event ? [view.event] : []);
}

export function nextJson(view: NextView): NextJson {
  const head = { schemaVersion: view.schemaVersion, series: view.series, today: view.today };
  return view.events ? { ...head, events: view.events } : { ...head, event: view.event ?? null };
}
