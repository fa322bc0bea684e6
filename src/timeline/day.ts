// Calendar days are ISO `YYYY-MM-DD` strings. All arithmetic goes through UTC dates, which no time zone or
// daylight-saving jump can shift, so every machine gets the same answer.
import { UTCDateMini as UTCDate } from '@date-fns/utc/date/mini';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is exactly `YYYY-MM-DD` and names a real calendar date. */
export function isDay(text: unknown): text is Day {
  if (typeof text !== 'string') return false;
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** Distinguishes a well-formed but impossible date (2014-02-30) from text that is not a date at all. */
export function looksLikeDay(text: string): boolean {
  return DAY_PATTERN.test(text);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toUTCDate(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new UTCDate(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

export function fromDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, amount: number): Day {
  return fromDate(addDaysFns(toUTCDate(day), amount));
}

/** Calendar days from `from` to `to`: 1 when `to` is the day after `from`. */
export function daysBetween(from: Day, to: Day): number {
  return differenceInCalendarDays(toUTCDate(to), toUTCDate(from));
}

/** The Monday of the ISO week (Monday to Sunday) holding `day`. */
export function mondayOf(day: Day): Day {
  return fromDate(startOfISOWeek(toUTCDate(day)));
}

/** The day of the week: 0 Sunday, 1 Monday … 6 Saturday. */
export function weekdayOf(day: Day): number {
  return toUTCDate(day).getUTCDay();
}

/** `pattern` in date-fns `format` tokens, applied in UTC. */
export function formatDay(day: Day, pattern: string): string {
  return format(toUTCDate(day), pattern);
}

/** "Thu 16 Oct 2014" */
export function longDay(day: Day): string {
  return formatDay(day, 'EEE d MMM yyyy');
}

/** "Thu 16 Oct 2014"; a range: "Mon 3 – Fri 7 Nov 2014", "Thu 25 Sep – Wed 15 Oct 2014". */
export function dayRange(start: Day, end: Day): string {
  if (start === end) return longDay(start);
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  const sameMonth = sameYear && start.slice(5, 7) === end.slice(5, 7);
  return `${formatDay(start, sameMonth ? 'EEE d' : sameYear ? 'EEE d MMM' : 'EEE d MMM yyyy')} – ${longDay(end)}`;
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
