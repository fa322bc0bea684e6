// When a schedule's data last changed, carried from one import to the next (`juno update`, `npm run data`): an
// event that is new or differs from the one before (its days, its name, anything but these stamps) is revised at
// the new data's date and, when it was there before, its SEQUENCE grows by one; an event that did not change
// keeps the stamps it had. The schedule's own `updated` moves only when something in it changed. Calendars carry
// these as LAST-MODIFIED, SEQUENCE and DTSTAMP, so that a subscriber's calendar replaces exactly what moved.
import type { Timeline, TimelineEvent } from './types.js';

/** Events by id, in order; an id given twice (a day in each of two weeks) keeps both, matched by position. */
export function eventsById(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const map = new Map<string, TimelineEvent[]>();
  for (const event of events) map.set(event.id, [...(map.get(event.id) ?? []), event]);
  return map;
}

/** An event without what revising sets (and its position): what is compared. */
function content({ updated, sequence, index, ...rest }: TimelineEvent): string {
  return JSON.stringify(rest);
}

/** A schedule without its revision and its events' stamps: what is compared. */
function schedule({ updated, events, ...rest }: Timeline): string {
  return JSON.stringify({ ...rest, events: events.map(content) });
}

/**
 * `after` with the stamps `before` (the data in use, null for a schedule never seen) gives it, and `at` (the new
 * data's date, YYYY-MM-DD) for what changed.
 */
export function revise(before: Timeline | null, after: Timeline, at: string): Timeline {
  if (before === null) return { ...after, updated: at };
  const old = eventsById(before.events);
  const seen = new Map<string, number>();
  const events = after.events.map((event) => {
    const n = seen.get(event.id) ?? 0;
    seen.set(event.id, n + 1);
    const previous = old.get(event.id)?.[n];
    if (previous === undefined) return { ...event, updated: at, sequence: 0 };
    if (content(previous) !== content(event))
      return { ...event, updated: at, sequence: previous.sequence + 1 };
    return { ...event, updated: previous.updated, sequence: previous.sequence };
  });
  const revised = { ...after, events };
  const changed = before.updated === null || schedule(before) !== schedule(revised);
  return { ...revised, updated: changed ? at : before.updated };
}
