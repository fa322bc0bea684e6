// The cycle week by week, the way release managers count it (R-26 … R+3). Pure: today is passed in.
import { addDays, type Day, formatDay, mondayOf } from './day.js';
import { firstPhaseDay, weekLabel } from './query.js';
import type { Kind, Timeline, TimelineEvent } from './types.js';

/** One Monday–Friday week of the cycle. */
export interface Week {
  /** "R-6", or the name the source gives the week; "2014-W36" when the timeline has no release. */
  name: string;
  /** The Monday. */
  start: Day;
  /** The Friday. */
  end: Day;
  /** Today falls in this week (Monday to Sunday). */
  current: boolean;
  /** Events with at least one day in this week (Monday to Sunday), in schedule order. */
  events: TimelineEvent[];
}

/**
 * Kinds that do not stretch the cycle: the end of life comes a year or more after the release, and a table
 * running to it would be mostly empty weeks.
 */
export const AFTER_CYCLE_KINDS: readonly Kind[] = ['eol'];

export interface WeekOptions {
  /** Also the weeks outside the cycle that hold events (the summit before it, the end of life after it). */
  all?: boolean;
}

function sundayOf(monday: Day): Day {
  return addDays(monday, 6);
}

function overlaps(event: TimelineEvent, monday: Day): boolean {
  return event.start <= sundayOf(monday) && event.end >= monday;
}

/**
 * The Monday of the week the cycle opens: the first day of the first dated phase (Juno: the Icehouse release),
 * else the first event that is not an after-cycle kind. Null for a timeline without such events.
 */
export function cycleOpening(timeline: Timeline): Day | null {
  const opening = firstPhaseDay(timeline);
  if (opening !== null) return mondayOf(opening);
  const first = timeline.events.find((e) => !AFTER_CYCLE_KINDS.includes(e.kind));
  return first ? mondayOf(first.start) : null;
}

/**
 * The Monday of the last week of the cycle: the last week holding an event that is neither an after-cycle kind
 * (end of life) nor over before the cycle opens. Never before the opening week.
 */
export function cycleClosing(timeline: Timeline, opening: Day): Day {
  let last = opening;
  for (const event of timeline.events) {
    if (AFTER_CYCLE_KINDS.includes(event.kind)) continue;
    const monday = mondayOf(event.end);
    if (monday > last) last = monday;
  }
  return last;
}

/** The name of the week starting `monday`: a name the source gives one of its events, else R-N, else ISO. */
function weekName(timeline: Timeline, monday: Day, events: TimelineEvent[]): string {
  const named = events.find((e) => e.week !== null && mondayOf(e.start) === monday);
  if (named?.week) return named.week;
  return weekLabel(timeline.releaseWeek, monday) ?? formatDay(monday, "RRRR-'W'II");
}

function makeWeek(timeline: Timeline, monday: Day, today: Day): Week {
  const events = timeline.events.filter((e) => overlaps(e, monday));
  return {
    name: weekName(timeline, monday, events),
    start: monday,
    end: addDays(monday, 4),
    current: mondayOf(today) === monday,
    events,
  };
}

/**
 * Every week from the one the cycle opens in to the last one holding an event of the cycle; with `all`, also
 * the weeks before and after it that hold events. Empty when the timeline has no events of the cycle.
 */
export function cycleWeeks(timeline: Timeline, today: Day, options: WeekOptions = {}): Week[] {
  const opening = cycleOpening(timeline);
  if (opening === null) return [];
  const closing = cycleClosing(timeline, opening);
  const mondays: Day[] = [];
  for (let monday = opening; monday <= closing; monday = addDays(monday, 7)) mondays.push(monday);
  if (options.all) {
    const outside = new Set<Day>();
    for (const event of timeline.events) {
      for (let monday = mondayOf(event.start); monday <= event.end; monday = addDays(monday, 7)) {
        if (monday < opening || monday > closing) outside.add(monday);
      }
    }
    for (const monday of outside) mondays.push(monday);
    mondays.sort();
  }
  return mondays.map((monday) => makeWeek(timeline, monday, today));
}
