// Calendar days are ISO `YYYY-MM-DD` strings. Arithmetic is on day numbers (days since 1970-01-01, from UTC
// time stamps), which no time zone or daylight-saving jump can shift, so every machine gets the same answer;
// date-fns formats them. (Day numbers rather than date-fns arithmetic because a large timeline does this for
// every event, and building date objects for it took most of `juno schedule`'s time.)
import { format } from 'date-fns/format';

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;

/**
 * Dates are read character by character: a large timeline reads two for every event, and regular expressions
 * and substrings for each were a noticeable part of loading one. The parts are read in straight-line
 * arithmetic: a looping helper called for every part got hot enough in `juno schedule` for V8 to compile it in
 * the background, and a short command waits at exit for such a compile to finish (milliseconds).
 */
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

/** Exactly `YYYY-MM-DD` in ASCII digits, real date or not. */
export function looksLikeDay(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of DIGIT_POSITIONS) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The year of a day that `looksLikeDay`. */
function yearOf(day: Day): number {
  return (
    (day.charCodeAt(0) - 48) * 1000 +
    (day.charCodeAt(1) - 48) * 100 +
    (day.charCodeAt(2) - 48) * 10 +
    (day.charCodeAt(3) - 48)
  );
}

/** The month (1–12) of a day that `looksLikeDay`. */
function monthOf(day: Day): number {
  return (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48);
}

/** The day of the month of a day that `looksLikeDay`. */
function dateOf(day: Day): number {
  return (day.charCodeAt(8) - 48) * 10 + (day.charCodeAt(9) - 48);
}

/** True when `text` is exactly `YYYY-MM-DD` and names a real calendar date. */
export function isDay(text: unknown): text is Day {
  if (typeof text !== 'string' || !looksLikeDay(text)) return false;
  const m = monthOf(text);
  const d = dateOf(text);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(yearOf(text), m);
}

const MS_PER_DAY = 86_400_000;

/**
 * The days juno accepts, from a timeline or the command line. Every view stays within four-digit years, where
 * ISO strings sort as days do and every date library agrees: the calendar shows at most 36 months from a day,
 * the week views and the picture a few weeks around one, an export the day after one.
 */
export const SUPPORTED_DAYS = { first: '1000-01-01', last: '9996-12-31', years: '1000–9996' } as const;

/** True for a day from 1000-01-01 to 9996-12-31 (see `SUPPORTED_DAYS`). */
export function isSupportedDay(day: Day): boolean {
  return day >= SUPPORTED_DAYS.first && day <= SUPPORTED_DAYS.last;
}

/** The problem with a supported-looking day: "9999-12-31 is outside the supported years 1000–9996". */
export function unsupportedDay(day: Day): string {
  return `${day} is outside the supported years ${SUPPORTED_DAYS.years}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 (negative before) of a valid day, in the proleptic Gregorian calendar: the civil-from-
 * days algorithm of Howard Hinnant's date library, in integers, so no `Date` object is built.
 */
export function dayNumber(day: Day): number {
  const m = monthOf(day);
  const d = dateOf(day);
  const y = yearOf(day) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day with this number: the inverse of `dayNumber`. */
export function fromDayNumber(n: number): Day {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  // Outside four-digit years, the same (extended) form as before this was arithmetic.
  if (y < 0 || y > 9999) return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * The UTC day of an instant, as `toISOString().slice(0, 10)` gives it, by arithmetic: the first toISOString
 * of a process costs about 0.2 ms, and reading a timeline's `updated` was the only call at start-up.
 */
export function utcDayOf(instant: Date): Day {
  return fromDayNumber(Math.floor(instant.getTime() / MS_PER_DAY));
}

export function addDays(day: Day, amount: number): Day {
  return fromDayNumber(dayNumber(day) + amount);
}

/** Calendar days from `from` to `to`: 1 when `to` is the day after `from`. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

/** The day of the week: 0 Sunday, 1 Monday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return weekdayOfNumber(dayNumber(day));
}

function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The day number of the Monday of the ISO week (Monday to Sunday) holding day number `n`. */
export function mondayNumber(n: number): number {
  return n - ((weekdayOfNumber(n) + 6) % 7);
}

/** The Monday of the ISO week (Monday to Sunday) holding `day`. */
export function mondayOf(day: Day): Day {
  return fromDayNumber(mondayNumber(dayNumber(day)));
}

/**
 * `pattern` in date-fns `format` tokens, for this calendar day. date-fns reads a date's local fields, so the day
 * is given as local noon on it: its fields are the day's own in every time zone (noon, because some zones skip
 * a midnight), and no time-zone library is loaded for it.
 *
 * Patterns made only of `EEE`, `d`, `MMM` and `yyyy` (the schedule's, for every event) are written out here:
 * date-fns's first calls in a process cost about a millisecond, a fifteenth of `juno schedule`'s own time.
 * tests/day.test.ts checks them against date-fns for random days.
 */
export function formatDay(day: Day, pattern: string): string {
  const tokens = simpleTokens(pattern);
  // date-fns writes year 0 as 0001 (1 BC); that year is left to it.
  if (tokens !== null && yearOf(day) > 0) return tokens.map((token) => SIMPLE_TOKENS[token](day)).join(' ');
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(yearOf(day), monthOf(day) - 1, dateOf(day));
  return format(date, pattern);
}

/** The days of the week by `weekdayOf`, Sunday first. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const WEEKDAYS = WEEKDAY_NAMES.map((name) => name.slice(0, 3));
/** The months' short names, January first. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const SIMPLE_TOKENS = {
  EEE: (day: Day) => WEEKDAYS[weekdayOf(day)] as string,
  d: (day: Day) => String(dateOf(day)),
  MMM: (day: Day) => MONTHS[monthOf(day) - 1] as string,
  yyyy: (day: Day) => day.slice(0, 4),
};
type SimpleToken = keyof typeof SIMPLE_TOKENS;
const simplePatterns = new Map<string, SimpleToken[] | null>();

/** The tokens of a pattern of simple tokens separated by single spaces, else null. */
function simpleTokens(pattern: string): SimpleToken[] | null {
  let tokens = simplePatterns.get(pattern);
  if (tokens === undefined) {
    const parts = pattern.split(' ');
    tokens = parts.every((part) => Object.hasOwn(SIMPLE_TOKENS, part)) ? (parts as SimpleToken[]) : null;
    simplePatterns.set(pattern, tokens);
  }
  return tokens;
}

/** "Thu 16 Oct 2014" */
export function longDay(day: Day): string {
  return formatDay(day, 'EEE d MMM yyyy');
}

/** "16 Oct 2014": a day without its weekday, for a terminal too narrow for it. */
export function shortDay(day: Day): string {
  return formatDay(day, 'd MMM yyyy');
}

/**
 * "Thu 16 Oct 2014"; a range: "Mon 3 – Fri 7 Nov 2014", "Thu 25 Sep – Wed 15 Oct 2014". Without weekdays:
 * "16 Oct 2014", "3 – 7 Nov 2014", "25 Sep – 15 Oct 2014".
 */
export function dayRange(start: Day, end: Day, weekdays = true): string {
  const whole = weekdays ? longDay : shortDay;
  if (start === end) return whole(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  const sameMonth = sameYear && start.slice(5, 7) === end.slice(5, 7);
  const first = sameMonth ? 'd' : sameYear ? 'd MMM' : 'd MMM yyyy';
  return `${formatDay(start, weekdays ? `EEE ${first}` : first)} – ${whole(end)}`;
}

/**
 * An ISO 8601 date or date-time as written in a timeline's `updated` ("2014-10-16", "2014-10-16T12:00",
 * "2014-10-16 12:00:00+0200"); no offset means UTC. Null when it is not a real date and time.
 */
export function parseInstant(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  const date = match?.[1];
  if (!match || !isDay(date)) return null;
  const time = match[2] ?? '00:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?/.test(time)) return null;
  const zone = (match[3] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${date}T${time}${zone}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
