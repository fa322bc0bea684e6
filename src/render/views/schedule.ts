// What `juno schedule` shows: the timeline's events on a given day, filtered, with where the cycle stands.
import type { Day } from '../../timeline/day.js';
import {
  cycleProgress,
  cycleSpan,
  filterByKind,
  type PhaseSpan,
  phaseAt,
  upcomingEvents,
} from '../../timeline/query.js';
import type { Kind, Timeline, TimelineEvent } from '../../timeline/types.js';
import { type EventView, type SCHEMA_VERSION, viewEvent } from '../../timeline/view.js';
import type { NothingMatched, Selection } from '../render.js';
import { type TimelineHeading, timelineHeading } from './heading.js';

export interface ScheduleView extends TimelineHeading, Selection {
  phase: PhaseSpan | null;
  /** 0..1 through the cycle, or null when the timeline cannot say. */
  progress: number | null;
  cycle: { start: Day; end: Day } | null;
  /** The events shown, as the timeline has them. */
  selected: TimelineEvent[];
  /** Each of `selected` as shown, made when first asked for (JSON output views them a batch at a time instead). */
  readonly events: EventView[];
  /** One event as shown. */
  viewOf: (event: TimelineEvent) => EventView;
}

/** `juno schedule --format json`: the versioned contract. */
export interface ScheduleJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  title: string | null;
  today: Day;
  phase: { id: string; name: string; start: Day | null; end: Day | null } | null;
  events: EventView[];
}

export interface ScheduleQuery {
  kinds: Kind[];
  /** Only events running or still to come. */
  upcoming: boolean;
}

/** A filter that leaves no event matches nothing; an unfiltered empty timeline is merely empty. */
const NO_MATCH: NothingMatched = { message: 'no events match the filters', hint: null };

export function scheduleView(timeline: Timeline, today: Day, query: ScheduleQuery): ScheduleView {
  let events = filterByKind(timeline.events, query.kinds);
  if (query.upcoming) events = upcomingEvents(events, today);
  const filtered = query.kinds.length > 0 || query.upcoming;
  const viewOf = (event: TimelineEvent) => viewEvent(timeline, event, today);
  let views: EventView[] | null = null;
  return {
    ...timelineHeading(timeline, today),
    phase: phaseAt(timeline, today)?.phase ?? null,
    progress: cycleProgress(timeline, today),
    cycle: cycleSpan(timeline),
    selected: events,
    get events() {
      views ??= events.map(viewOf);
      return views;
    },
    viewOf,
    nothing: events.length === 0 && filtered ? NO_MATCH : null,
  };
}

/**
 * `juno schedule --format json` before its events are viewed: `toJsonPieces` views them (`view.viewOf`) a batch at
 * a time as it writes them, so that a hundred thousand event views are never all held at once.
 */
export function scheduleJson(view: ScheduleView): Omit<ScheduleJson, 'events'> & { events: TimelineEvent[] } {
  return {
    schemaVersion: view.schemaVersion,
    series: view.series,
    title: view.title,
    today: view.today,
    phase: view.phase
      ? { id: view.phase.id, name: view.phase.name, start: view.phase.start, end: view.phase.end }
      : null,
    events: view.selected,
  };
}
