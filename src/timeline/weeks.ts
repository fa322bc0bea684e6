// The one weeks model. Every view that names or lists weeks takes them from here: the weeks table, the schedule's
// Week column, the headings of schedule, weeks and calendar, the calendar's rows, the picture's axis and
// `export --weeks`. Pure: today is passed in.
import { addDays, type Day, formatDay, mondayOf } from './day.js';
import { firstPhaseDay, weekLabel } from './query.js';
import type { Kind, NamedWeek, Timeline, TimelineEvent } from './types.js';

/** One week of the cycle, Monday to Sunday, named by `weekName`. */
export interface Week {
  /** "R-6", or the name the source gives the week; "2014-W36" when the timeline has neither. */
  name: string;
  /** The Monday; for a week the source lists with its own days (`sourceWeeks`), the first day it gives. */
  start: Day;
  /**
   * The last day, inclusive: the Friday; for a week the source lists with its own days, the last day it gives
   * (yoga's R+0 ends on Wednesday; a holiday row may run two weeks).
   */
  end: Day;
  /** Today falls in this week (Monday to Sunday). */
  current: boolean;
  /** The week's events, in schedule order. */
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

/** The days the source gives a week: its rows starting that Monday, together. */
interface SourceDays {
  start: Day;
  /** The last day the rows give, up to the Friday before the next week a row starts in. */
  end: Day;
  /** The Monday of the week `end` falls in: a row running two weeks is one week of the cycle. */
  last: Day;
}

/** The names a source gives its weeks, found by Monday. */
interface SourceNames {
  /** The name of the week each row (or, in juno's format, each named event) starts in; the first one wins. */
  byMonday: Map<Day, string>;
  /** Every name the source gives: a week named by counting never takes one of them. */
  given: Set<string>;
  /** The days of each week a row starts in (upstream only). */
  days: Map<Day, SourceDays>;
  /** Rows in date order with the Mondays they start and end in, for the later weeks of a row spanning several. */
  rows: { first: Day; last: Day; name: string }[];
  /** The latest last Monday among rows[0..i], to find the first row covering a Monday by binary search. */
  reach: Day[];
  /**
   * The Mondays of the first and the last week upstream names (its own cycle, and an empty named week at its end
   * listed too); null without named rows.
   */
  named: { first: Day; last: Day } | null;
  /** `weekName` of each Monday asked so far: views ask it for every event. */
  resolved: Map<Day, string>;
}

const namesCache = new WeakMap<Timeline, SourceNames>();

/**
 * The source's own names: upstream's named weeks (`Timeline.weeks`), or in juno's format the `week` given on
 * events, each naming the week of the event's first day. Made once per timeline; a week-by-week loop over a
 * row's days is avoided, since a hostile row may span millennia.
 */
function sourceNames(timeline: Timeline): SourceNames {
  const cached = namesCache.get(timeline);
  if (cached) return cached;
  const byMonday = new Map<Day, string>();
  const rows: SourceNames['rows'] = [];
  const reach: Day[] = [];
  let days = new Map<Day, SourceDays>();
  let firstNamed: Day | null = null;
  let lastNamed: Day | null = null;
  if (timeline.weeks !== null) {
    const sorted = [...timeline.weeks].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    for (const week of sorted) {
      const first = mondayOf(week.start);
      const last = mondayOf(week.end);
      if (!byMonday.has(first)) byMonday.set(first, week.name);
      rows.push({ first, last, name: week.name });
      if (week.upstream) {
        firstNamed ??= first;
        lastNamed = first;
      }
      const previous = reach[reach.length - 1];
      reach.push(previous !== undefined && previous > last ? previous : last);
    }
    days = rowDays(sorted);
  } else {
    for (const event of timeline.events) {
      if (event.week === null) continue;
      const monday = mondayOf(event.start);
      if (!byMonday.has(monday)) byMonday.set(monday, event.week);
    }
  }
  const named = firstNamed !== null && lastNamed !== null ? { first: firstNamed, last: lastNamed } : null;
  const names = {
    byMonday,
    given: new Set(byMonday.values()),
    days,
    rows,
    reach,
    named,
    resolved: new Map(),
  };
  namesCache.set(timeline, names);
  return names;
}

/**
 * The days of each week rows start in, from rows in date order: the first day and the last one they give (yoga's
 * R+0 ends on Wednesday; a holiday row may run into the next week, which is then part of it), but never into a
 * week another row starts in (ussuri's first row runs Monday to Monday, over two named weeks): there it ends on
 * the Friday of its own last week.
 */
function rowDays(sorted: readonly NamedWeek[]): Map<Day, SourceDays> {
  const days = new Map<Day, SourceDays>();
  for (const week of sorted) {
    const monday = mondayOf(week.start);
    const found = days.get(monday);
    if (!found) days.set(monday, { start: week.start, end: week.end, last: mondayOf(week.end) });
    else if (week.end > found.end) Object.assign(found, { end: week.end, last: mondayOf(week.end) });
  }
  const mondays = [...days.keys()];
  mondays.forEach((monday, i) => {
    const next = mondays[i + 1];
    const found = days.get(monday) as SourceDays;
    if (next === undefined || found.last < next) return;
    found.last = addDays(next, -7);
    const friday = addDays(found.last, 4);
    found.end = friday < found.start ? found.start : friday;
  });
  return days;
}

/**
 * The timeline with only `events`, its weeks still named as the whole timeline names them: a week named by an
 * event left out (`export --kind`) keeps that name. It shares the whole timeline's names, resolved ones too: its
 * release week and its source's weeks are the same.
 */
export function withEvents(timeline: Timeline, events: TimelineEvent[]): Timeline {
  const narrowed = { ...timeline, events };
  namesCache.set(narrowed, sourceNames(timeline));
  return narrowed;
}

/** The name of the first row (in date order) whose days run into the week of `monday`, if any. */
function coveringRow(names: SourceNames, monday: Day): string | null {
  const { rows, reach } = names;
  let low = 0;
  let high = reach.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((reach[middle] as Day) < monday) low = middle + 1;
    else high = middle;
  }
  const row = rows[low];
  return row && row.first <= monday && monday <= row.last ? row.name : null;
}

/**
 * The name of the week holding `day` (Monday to Sunday), by the one rule every view follows: the name the source
 * gives that week (a row starting in it, else a row running into it), else R±N counted from the release week,
 * else the ISO week (`2014-W36`).
 */
export function weekName(timeline: Timeline, day: Day): string {
  const monday = mondayOf(day);
  const names = sourceNames(timeline);
  const known = names.resolved.get(monday);
  if (known !== undefined) return known;
  const name =
    names.byMonday.get(monday) ??
    coveringRow(names, monday) ??
    countedWeekName(timeline.releaseWeek, monday, names.given);
  names.resolved.set(monday, name);
  return name;
}

/**
 * The name of the week of `monday` where the source gives none: R±N counted from the release week, unless that
 * name is `taken` (the source gives it to another week), else the ISO week (`2014-W36`).
 */
export function countedWeekName(releaseWeek: Day | null, monday: Day, taken: ReadonlySet<string>): string {
  const counted = weekLabel(releaseWeek, monday);
  return counted !== null && !taken.has(counted) ? counted : formatDay(monday, "RRRR-'W'II");
}

/** The name of the week an event begins in (see `weekName`). */
export function eventWeek(timeline: Timeline, event: TimelineEvent): string {
  return weekName(timeline, event.start);
}

/**
 * The Monday of the week the cycle opens: the first day of the first dated phase (Juno: the Icehouse release) or
 * the first week an upstream schedule names (its R-N start week), whichever comes first; else the first event
 * that is not an after-cycle kind. Null for a timeline without such events. (Upstream schedules up to train name
 * the previous release `-release`, so their first dated phase is feature freeze: the named weeks open the cycle.)
 */
export function cycleOpening(timeline: Timeline): Day | null {
  const phase = firstPhaseDay(timeline);
  const phaseMonday = phase === null ? null : mondayOf(phase);
  const named = sourceNames(timeline).named?.first ?? null;
  const opening = phaseMonday === null || (named !== null && named < phaseMonday) ? named : phaseMonday;
  if (opening !== null) return opening;
  const first = timeline.events.find((e) => !AFTER_CYCLE_KINDS.includes(e.kind));
  return first ? mondayOf(first.start) : null;
}

/**
 * The Monday of the last week of the cycle: the last week holding an event that is neither an after-cycle kind
 * (end of life) nor over before the cycle opens, or the last week upstream names. Never before the opening week.
 */
export function cycleClosing(timeline: Timeline, opening: Day): Day {
  const named = sourceNames(timeline).named?.last ?? null;
  let last = named !== null && named > opening ? named : opening;
  for (const event of timeline.events) {
    if (AFTER_CYCLE_KINDS.includes(event.kind)) continue;
    const monday = mondayOf(event.end);
    if (monday > last) last = monday;
  }
  return last;
}

/** The Monday of the last calendar week of the week of `monday`: a later one for a row running two weeks. */
function lastMonday(timeline: Timeline, monday: Day): Day {
  return sourceNames(timeline).days.get(monday)?.last ?? monday;
}

/** The week of `monday` with the days the source gives it, and the Monday of its last calendar week. */
function weekAt(timeline: Timeline, monday: Day, today: Day): { week: Week; last: Day } {
  const days = sourceNames(timeline).days.get(monday);
  const last = lastMonday(timeline, monday);
  const todayMonday = mondayOf(today);
  const week = {
    name: weekName(timeline, monday),
    start: days?.start ?? monday,
    end: days?.end ?? addDays(monday, 4),
    current: monday <= todayMonday && todayMonday <= last,
    events: [],
  };
  return { week, last };
}

/**
 * Every week from the one the cycle opens in to the last one holding an event of the cycle, each with the events
 * that have a day in it; with `all`, also the weeks before and after it that hold events. Empty when the timeline
 * has no events of the cycle.
 */
export function cycleWeeks(timeline: Timeline, today: Day, options: WeekOptions = {}): Week[] {
  const weeks: Week[] = [];
  for (const monday of cycleMondays(timeline, options)) {
    const { week, last } = weekAt(timeline, monday, today);
    const sunday = addDays(last, 6);
    week.events = timeline.events.filter((e) => e.start <= sunday && e.end >= monday);
    weeks.push(week);
  }
  return weeks;
}

/**
 * The Monday of each week of `cycleWeeks`: every Monday from the opening week to the closing one (with `all`, and
 * those of events outside them), less the later weeks of a row running two weeks, which are part of its week.
 */
function cycleMondays(timeline: Timeline, options: WeekOptions = {}): Day[] {
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
  const weeks: Day[] = [];
  let through: Day | null = null;
  for (const monday of mondays) {
    // A later week of a row running two weeks is part of that row's week.
    if (through !== null && monday <= through) continue;
    weeks.push(monday);
    through = lastMonday(timeline, monday);
  }
  return weeks;
}

/**
 * The weeks that hold events, as the source groups them: where the source lists its weeks (upstream's rows),
 * each week with the events listed in it and the days the source gives, as `cycleWeeks` shows them (rows of one
 * Monday merged); else each Monday–Friday week with the events that begin in it. In date order, one per Monday,
 * named by `weekName`. `also`: Mondays to list even when they hold no event.
 */
export function sourceWeeks(timeline: Timeline, today: Day, also: readonly Day[] = []): Week[] {
  const byMonday = new Map<Day, { week: Week; listed: Set<TimelineEvent> }>();
  const add = (monday: Day, events: TimelineEvent[]) => {
    let entry = byMonday.get(monday);
    if (!entry) {
      entry = { week: weekAt(timeline, monday, today).week, listed: new Set() };
      byMonday.set(monday, entry);
    }
    const { week, listed } = entry;
    for (const event of events) {
      if (listed.has(event)) continue;
      listed.add(event);
      week.events.push(event);
    }
  };
  for (const monday of also) add(monday, []);
  if (timeline.weeks && timeline.weeks.length > 0) {
    const byId = new Map(timeline.events.map((e) => [e.id, e]));
    for (const row of timeline.weeks) {
      const events = row.events.flatMap((id) => byId.get(id) ?? []);
      if (events.length > 0) add(mondayOf(row.start), events);
    }
  } else {
    for (const event of timeline.events) add(mondayOf(event.start), [event]);
  }
  const weeks = [...byMonday.values()].map((entry) => entry.week);
  return weeks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** A week of a calendar (`export --weeks`): a week of `sourceWeeks`, and whether it lies outside the cycle's grid. */
export interface CalendarWeek extends Week {
  /**
   * True for a week outside the cycle's weeks (a summit before it, the end of life after it), listed only while
   * an event is in it; such a week is known by its first event rather than by its Monday.
   */
  outside: boolean;
}

/**
 * The weeks of a calendar: every week of the cycle, empty ones too, from the one it opens in to its release week
 * (or the last week upstream names, or without either the last week holding an event of the cycle), which no
 * event moving can shrink; and the weeks outside that grid that hold events.
 */
export function calendarWeeks(timeline: Timeline, today: Day): CalendarWeek[] {
  const names = sourceNames(timeline).named?.last ?? null;
  const ends = [timeline.releaseWeek, names].filter((day): day is Day => day !== null).sort();
  const end = ends.at(-1) ?? null;
  const grid = cycleMondays(timeline).filter((monday) => end === null || monday <= end);
  const inGrid = new Set(grid);
  return sourceWeeks(timeline, today, grid).map((week) => ({
    ...week,
    outside: !inGrid.has(mondayOf(week.start)),
  }));
}
