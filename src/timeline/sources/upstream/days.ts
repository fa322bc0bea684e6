// When an upstream event happens, as exactly as its section's prose and its weeks tell. A span the prose names
// ("20-24 February") is the event (confirmed); "the week of X" is that week; one day named in the weeks is that
// day; a weekday alone is that day of the week. Without a day of its own, a freeze or deadline is on the
// Thursday of its week (every schedule.rst says deadlines generally are), feature freeze on the day of the X-3
// milestone that marks it; anything else keeps its weeks. A day the prose names outside the labelled weeks does
// not move the event: upstream publishes the weeks, so they are kept and the disagreement is warned of.
import { addDays, type Day, isDay, mondayOf } from '../../day.js';
import type { Confidence, Kind } from '../../types.js';
import { splitLabel } from './labels.js';
import { datesNamedIn, type ProseDate, weekdayIn, weekdayNamedIn } from './prose-dates.js';
import type { Findings, Row } from './rows.js';
import type { RstSection } from './rst.js';

const THURSDAY = 4;

/** The days of an event and how sure they are; `note` says how they were found when the prose does not. */
export interface Dating {
  start: Day;
  end: Day;
  confidence: Confidence;
  note: string | null;
}

/** What a run of a label is dated by. */
export interface DatingInput {
  label: string;
  kind: Kind;
  /** The consecutive rows the label is listed in, in date order. */
  rows: Row[];
  section: RstSection | null;
  /** The days of the label's other runs: a day named there is theirs, not a disagreement with these rows. */
  others: { start: Day; end: Day }[];
  weekName(row: Row): string | null;
  /** The section of another label: feature freeze's day is its X-3 milestone's. */
  sectionOf(label: string): RstSection | null;
}

const first = <T>(list: T[]) => list[0] as T;
const last = <T>(list: T[]) => list[list.length - 1] as T;
const within = (d: { start: Day; end: Day }, start: Day, end: Day) => d.start >= start && d.end <= end;
const shown = (d: ProseDate) => (d.start === d.end ? d.start : `${d.start} to ${d.end}`);

/** The days a section names for itself (not those it cites for something else), read near `near`. */
function ownDates(section: RstSection | null, near: Day): ProseDate[] {
  return section ? datesNamedIn(section.text, near).filter((d) => !d.reference) : [];
}

/**
 * A run whose prose names one day in each of its consecutive weeks ("On 27 November and 2 December") is one
 * event per week, not one spanning them: the run split into its rows. Any other run is kept whole.
 */
export function splitByNamedDays(rows: Row[], section: RstSection | null): Row[][] {
  if (rows.length < 2) return [rows];
  const inRun = ownDates(section, first(rows).start).filter((d) =>
    within(d, first(rows).start, last(rows).end),
  );
  if (inRun.some((d) => d.form !== 'day')) return [rows];
  const days = [...new Set(inRun.map((d) => d.start))];
  const eachOnce =
    days.length === rows.length &&
    rows.every((row) => days.filter((day) => day >= row.start && day <= row.end).length === 1);
  return eachOnce ? rows.map((row) => [row]) : [rows];
}

/** The row of `rows` holding `day`, or the Monday–Friday week of it. */
function weekHolding(rows: Row[], day: Day): { start: Day; end: Day } {
  return (
    rows.find((r) => r.start <= day && day <= r.end) ?? {
      start: mondayOf(day),
      end: addDays(mondayOf(day), 4),
    }
  );
}

/** The event's days from the prose named within its rows: a span, else a week, else one day. */
function fromProse(dates: ProseDate[], rows: Row[]): Dating | null {
  const distinct = (form: ProseDate['form']) => [
    ...new Map(dates.filter((d) => d.form === form).map((d) => [`${d.start}/${d.end}`, d])).values(),
  ];
  const spans = distinct('span');
  if (spans.length > 0)
    return spans.length === 1
      ? { start: first(spans).start, end: first(spans).end, confidence: 'confirmed', note: null }
      : null;
  const weeks = [
    ...new Map(
      distinct('week')
        .map((d) => weekHolding(rows, d.start))
        .map((w) => [w.start, w]),
    ).values(),
  ];
  if (weeks.length > 0)
    return weeks.length === 1 ? { ...first(weeks), confidence: 'approximate', note: null } : null;
  const days = distinct('day');
  if (days.length !== 1) return null;
  const day = first(days).start;
  // A day named in a run of several weeks opens it: the run goes on to the end of its weeks.
  return rows.length === 1
    ? { start: day, end: day, confidence: 'confirmed', note: null }
    : { start: day, end: last(rows).end, confidence: 'approximate', note: null };
}

/** The same day a year earlier or later; null when there is none (29 February). */
function shiftYear(day: Day, years: number): Day | null {
  const shifted = `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
  return isDay(shifted) ? shifted : null;
}

/** Days whose prose gives a year one off the rows' (a slip of the pen), moved into the rows. */
function yearSlips(dates: ProseDate[], start: Day, end: Day): { said: ProseDate; read: ProseDate }[] {
  const slips: { said: ProseDate; read: ProseDate }[] = [];
  for (const said of dates) {
    if (!said.yearGiven || within(said, start, end)) continue;
    for (const years of [-1, 1]) {
      const s = shiftYear(said.start, years);
      const e = shiftYear(said.end, years);
      if (s && e && within({ start: s, end: e }, start, end))
        slips.push({ said, read: { ...said, start: s, end: e } });
    }
  }
  return slips;
}

/** A freeze or deadline without a day of its own: feature freeze on its X-3 milestone's day, else Thursday. */
function deadlineDay(input: DatingInput, row: Row): Dating | null {
  const { initial, slug } = splitLabel(input.label);
  if (slug === 'ff' && initial) {
    const milestone = `${initial}-3`;
    if (row.labels.some((l) => l.label === milestone)) {
      const days = ownDates(input.sectionOf(milestone), row.start).filter((d) =>
        within(d, row.start, row.end),
      );
      const dated = fromProse(days, [row]);
      if (dated?.confidence === 'confirmed' && dated.start === dated.end)
        return { ...dated, note: `On the day of the ${milestone} milestone, which marks feature freeze.` };
    }
  }
  const thursday = weekdayIn(row.start, row.end, THURSDAY);
  if (thursday === null) return null;
  return {
    start: thursday,
    end: thursday,
    confidence: 'approximate',
    note: "No day given: taken as the Thursday of its week, the day the schedule's deadlines generally fall on.",
  };
}

/** The days of one run of a label; a day its prose names outside its rows is warned of and not used. */
export function dateRun(input: DatingInput, { warnings, at }: Findings): Dating {
  const { rows, label } = input;
  const start = first(rows).start;
  const end = last(rows).end;
  const weekOf = `${input.weekName(first(rows)) ?? 'its week'} (${start} to ${end})`;
  const path = at(['cycle', first(rows).index]);
  const dates = ownDates(input.section, start);
  const proseDay = fromProse(
    dates.filter((d) => within(d, start, end)),
    rows,
  );
  if (proseDay) return proseDay;

  const slips = yearSlips(dates, start, end);
  const slipDay = fromProse(
    slips.map((s) => s.read),
    rows,
  );
  if (slipDay) {
    for (const { said, read } of slips)
      warnings.push({
        path,
        message: `${label}: its section names ${shown(said)} ("${said.text}"), a year off its week ${weekOf}; read as ${shown(read)}`,
      });
    return slipDay;
  }

  const weekday =
    input.section && dates.length === 0 && rows.length === 1 ? weekdayNamedIn(input.section.text) : null;
  const named = weekday === null ? null : weekdayIn(start, end, weekday);
  if (named) return { start: named, end: named, confidence: 'confirmed', note: null };

  for (const d of dates) {
    if (within(d, start, end) || input.others.some((o) => within(d, o.start, o.end))) continue;
    warnings.push({
      path,
      message: `${label}: its section names ${shown(d)} ("${d.text}"), outside its week ${weekOf}; the week is kept`,
    });
  }
  const undated =
    input.kind === 'freeze' || input.kind === 'deadline' ? deadlineDay(input, last(rows)) : null;
  return undated ?? { start, end, confidence: 'approximate', note: null };
}
