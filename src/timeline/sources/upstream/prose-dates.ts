// Days named in prose, in the wordings schedule.rst uses: one day ("November 16, 2023", "by 7th of June, 2017",
// "2024-08-28"), a span ("20-24 February 2017", "October 19-23", "From 12 to 16 October, 2026", "From June 13 to
// June 15, 2023", "between 2024-08-14 23:45 UTC and 2024-08-28 23:45 UTC"), a week ("The week of 1 March, 2027")
// and a weekday alone ("by Thursday").
import { addDays, type Day, daysBetween, isDay, MONTHS, WEEKDAY_NAMES, weekdayOf } from '../../day.js';

/** A day or span named in prose, read near the weeks it belongs to. */
export interface ProseDate {
  /** First and last day named; equal for one day ("the week of X" names the one day X). */
  start: Day;
  end: Day;
  /** `week`: "the week of X", the week holding X rather than the day. */
  form: 'day' | 'span' | 'week';
  /** Whether the prose gives the year (else the year that puts the day nearest the weeks is taken). */
  yearGiven: boolean;
  /**
   * A day cited for another reason than being the event's own: a deadline something must be done before
   * ("merged before 1 March"), a holiday ("Due to the 7 September holiday").
   */
  reference: boolean;
  /** The words as written. */
  text: string;
}

const M =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// A day of the month, not part of a time ("23:59"), an ISO day or a longer number.
const D = '(?<![\\d:.-])(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])';
// The second day of a span, after its dash.
const D2 = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])';
const Y = '(?:,?\\s+(\\d{4})(?!\\d))?';
const TO = '\\s*(?:-|–|—|to|until|through)\\s*';

/** Each wording: its pattern and how its groups become the first and last day (month, day, year each). */
interface Wording {
  pattern: RegExp;
  read(m: RegExpExecArray): { from: Parts; to: Parts | null };
}
type Parts = { month: number; day: number; year: number | null };

const part = (month: string | undefined, day: string | undefined, year: string | undefined): Parts => ({
  month: monthNumber(month ?? ''),
  day: Number(day),
  year: year ? Number(year) : null,
});

// Spans written with one month first (they would otherwise read as one day and a stray number).
const SPANS: Wording[] = [
  {
    // "20-24 February 2017", "7th - 9th June, 2022", "From 12 to 16 October, 2026"
    pattern: new RegExp(`${D}${TO}${D2}\\s+(?:of\\s+)?${M}${Y}`, 'gi'),
    read: (m) => ({ from: part(m[3], m[1], m[4]), to: part(m[3], m[2], m[4]) }),
  },
  {
    // "October 19-23", "Apr 19-23, 2021", "From October 21 to 25"
    pattern: new RegExp(`\\b${M}\\s+${D}${TO}${D2}${Y}`, 'gi'),
    read: (m) => ({ from: part(m[1], m[2], m[4]), to: part(m[1], m[3], m[4]) }),
  },
];

const SINGLES: Wording[] = [
  {
    // "17 November", "14th December, 2016", "the 7th of June, 2017"
    pattern: new RegExp(`${D}\\s+(?:of\\s+)?${M}${Y}`, 'gi'),
    read: (m) => ({ from: part(m[2], m[1], m[3]), to: null }),
  },
  {
    // "November 16, 2023", "Thursday April 13th, 2017", "Jan 7"
    pattern: new RegExp(`\\b${M}\\s+${D}${Y}`, 'gi'),
    read: (m) => ({ from: part(m[1], m[2], m[3]), to: null }),
  },
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/g,
    read: (m) => ({ from: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, to: null }),
  },
];

/** What may stand between the two days of a span: a dash or "to"; after "between", "and" (a time may follow). */
const JOIN = new RegExp(`^${TO}$`, 'i');
const BETWEEN_JOIN = /^(?:\s+\d{1,2}:\d{2}(?:\s*UTC)?)?\s+and\s+$/i;

interface Found {
  index: number;
  end: number;
  from: Parts;
  to: Parts | null;
}

function monthNumber(name: string): number {
  const short = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((month) => month.toLowerCase() === short) + 1;
}

function toDay(year: number, month: number, day: number): Day | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isDay(text) ? text : null;
}

/** Every match of the wordings, leftmost first, the longer of two overlapping ones kept. */
function matches(text: string): Found[] {
  const all: Found[] = [];
  for (const wording of [...SPANS, ...SINGLES]) {
    for (const m of text.matchAll(wording.pattern)) {
      all.push({ index: m.index, end: m.index + m[0].length, ...wording.read(m) });
    }
  }
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Found[] = [];
  for (const found of all) {
    const last = kept[kept.length - 1];
    if (!last || found.index >= last.end) kept.push(found);
  }
  return kept;
}

/** Two single days joined as a span ("From June 13 to June 15", "between X and Y") become one span. */
function joined(text: string, found: Found[]): Found[] {
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, f.index) : '';
    const before = last ? text.slice(Math.max(0, last.index - 10), last.index) : '';
    if (
      last &&
      last.to === null &&
      f.to === null &&
      (JOIN.test(between) || (/between\s+$/i.test(before) && BETWEEN_JOIN.test(between)))
    ) {
      out[out.length - 1] = { index: last.index, end: f.end, from: last.from, to: f.from };
    } else out.push(f);
  }
  return out;
}

/** The day `parts` names: with its year, else in the year that puts it nearest `near` (its first day). */
function resolve(parts: Parts, near: Day): Day | null {
  if (parts.year !== null) return toDay(parts.year, parts.month, parts.day);
  const year = Number(near.slice(0, 4));
  let best: Day | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const day = toDay(y, parts.month, parts.day);
    if (day && (best === null || distance(day, near) < distance(best, near))) best = day;
  }
  return best;
}

const distance = (a: Day, b: Day) => Math.abs(daysBetween(a, b));

/** The first and last day of a span, the first taking the last's year when it gives none. */
function resolveSpan(from: Parts, to: Parts, near: Day): { start: Day; end: Day } | null {
  const year = to.year ?? from.year;
  if (year === null) {
    const start = resolve(from, near);
    if (start === null) return null;
    const sameYear = Number(start.slice(0, 4)) + (to.month < from.month ? 1 : 0);
    const end = toDay(sameYear, to.month, to.day);
    return end && end >= start ? { start, end } : null;
  }
  const end = toDay(year, to.month, to.day);
  const start = toDay(from.year ?? (from.month > to.month ? year - 1 : year), from.month, from.day);
  return start && end && end >= start ? { start, end } : null;
}

/**
 * The days and spans `text` names, in the order written. `near` is the first day of the weeks the text is about:
 * a day without a year takes the year that puts it nearest them.
 */
export function datesNamedIn(text: string, near: Day): ProseDate[] {
  const dates: ProseDate[] = [];
  for (const f of joined(text, matches(text))) {
    const span = f.to ? resolveSpan(f.from, f.to, near) : null;
    const start = span?.start ?? (f.to ? null : resolve(f.from, near));
    if (start === null) continue;
    const end = span?.end ?? start;
    const before = text.slice(Math.max(0, f.index - 40), f.index);
    const after = text.slice(f.end, f.end + 20);
    const week = /\bweek\s+of\s+(?:the\s+)?$/i.test(before);
    dates.push({
      start,
      end,
      form: end !== start ? 'span' : week ? 'week' : 'day',
      yearGiven: (f.to ?? f.from).year !== null,
      reference:
        /\b(?:before|due\s+to\s+the)\s+$/i.test(before) || /^\s+(?:is\s+an?\s+)?holiday/i.test(after),
      text: text.slice(f.index, f.end),
    });
  }
  return dates;
}

/** The one weekday `text` names on its own ("must be approved by Thursday."), as 0 (Sunday) to 6, or null. */
export function weekdayNamedIn(text: string): number | null {
  const named = new Set<number>();
  for (const m of text.matchAll(/\b(sun|mon|tues|wednes|thurs|fri|satur)day\b/gi)) {
    const stem = (m[1] as string).toLowerCase();
    named.add(WEEKDAY_NAMES.findIndex((w) => w.toLowerCase().startsWith(stem)));
  }
  return named.size === 1 ? ([...named][0] as number) : null;
}

/** The first day from `start` to `end` that is `weekday` (0 Sunday to 6), or null when there is none. */
export function weekdayIn(start: Day, end: Day, weekday: number): Day | null {
  const day = addDays(start, (weekday - weekdayOf(start) + 7) % 7);
  return day <= end ? day : null;
}
