// iCalendar (RFC 5545) for calendar apps: one all-day VEVENT per event, stable UIDs, reproducible bytes.
import {
  foldLines,
  ICalAlarmType,
  ICalCalendar,
  ICalCalendarMethod,
  ICalEvent,
  type ICalEventData,
  ICalEventTransparency,
} from 'ical-generator';
import { addDays, type Day, dayRange, mondayOf, parseInstant } from '../timeline/day.js';
import { capitalise, cleanText, oneLine } from '../timeline/text.js';
import type { Timeline, TimelineEvent } from '../timeline/types.js';
import { type CalendarWeek, calendarWeeks, eventWeek } from '../timeline/weeks.js';
import type { ExportView } from './views/export.js';

/**
 * The UID of an event: `<event id>@<series>.juno.openstack`. It depends on the series and the event id only,
 * never on dates, names or randomness, so that a re-import or a subscription refresh updates the event in
 * place when its date moves. Ids and series are slugs, so the UID needs no escaping.
 */
export function eventUid(series: string, eventId: string): string {
  return `${eventId}@${series}.juno.openstack`;
}

/**
 * A calendar day as the UTC midnight `Date` ical-generator formats all-day values from. With no time zone set on
 * the calendar or the event, ical-generator reads the UTC fields of the date, so no machine time zone can shift it.
 */
function utcMidnight(day: Day): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

/** TEXT escaping (RFC 5545 3.3.11), for the calendar name and description, which ical-generator writes raw. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A URI property value: every character outside RFC 3986's unreserved and reserved sets, and also commas and
 * semicolons (which calendar parsers split or unescape) and a `%` that starts no escape, percent-encoded as UTF-8. The result holds nothing
 * ical-generator's TEXT escaping would touch, so it reaches the file unchanged.
 */
export function encodeUri(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+=%]/gu, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(
      '',
    ),
  );
}

/**
 * A summary that names its series, so that two cycles subscribed side by side read apart: the name as it is when
 * it names the series already ("Juno-3 milestone"), else "Juno: Feature Freeze".
 */
function seriesSummary(series: string, name: string): string {
  return namesSeries(series, name) ? name : `${capitalise(series)}: ${name}`;
}

/** True when `text` has the series' name as a word of its own, in any case ("Juno-3", "the juno cycle"). */
function namesSeries(series: string, text: string): boolean {
  let word = SERIES_WORDS.get(series);
  if (word === undefined) {
    const escaped = series.replace(/[^a-z0-9]/gi, (c) => `\\${c}`);
    word = new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`, 'i');
    SERIES_WORDS.set(series, word);
  }
  return word.test(text);
}
/** The expression of each series' name, made once: a calendar asks it of every event. */
const SERIES_WORDS = new Map<string, RegExp>();

/**
 * A CATEGORIES value as one word: clients split a value at commas and some at semicolons or spaces, so a project
 * named "Nova, compute" becomes "Nova-compute".
 */
function categoryWord(text: string): string {
  return oneLine(text)
    .replace(/[\s,;:\\"]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** When an event was last revised (LAST-MODIFIED): its own `updated`, else the data's revision. */
function lastModified(event: TimelineEvent, revision: Date): Date {
  return (event.updated === null ? null : parseInstant(event.updated)) ?? revision;
}

/** What a reader of the calendar entry wants to know: kind, week, confidence, then the notes and the evidence. */
export function eventDescription(timeline: Timeline, event: TimelineEvent): string {
  const facts = [`Kind: ${event.kind}`];
  const week = eventWeek(timeline, event);
  if (week) facts.push(`Week: ${oneLine(week)}`);
  if (event.confidence) facts.push(`Confidence: ${event.confidence}`);
  if (event.project) facts.push(`Project: ${oneLine(event.project)}`);
  const blocks = [facts.join('\n')];
  if (event.description) blocks.push(cleanText(event.description));
  if (event.notes) blocks.push(cleanText(event.notes));
  if (event.sources.length > 0) blocks.push(['Sources:', ...event.sources.map((s) => oneLine(s))].join('\n'));
  return blocks.join('\n\n');
}

function eventData(timeline: Timeline, event: TimelineEvent, input: ExportView): ICalEventData {
  const project = event.project === null ? '' : categoryWord(event.project);
  return {
    id: eventUid(timeline.series, event.id),
    sequence: event.sequence,
    stamp: input.stamp,
    lastModified: lastModified(event, input.revision),
    allDay: true,
    start: utcMidnight(event.start),
    // DTEND of an all-day event is exclusive: the day after the last day.
    end: utcMidnight(addDays(event.end, 1)),
    summary: seriesSummary(timeline.series, oneLine(event.name)),
    description: eventDescription(timeline, event),
    categories: [{ name: event.kind }, ...(project === '' ? [] : [{ name: project }])],
    ...(event.location ? { location: oneLine(event.location) } : {}),
    ...(event.url ? { url: encodeUri(event.url) } : {}),
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

/** A week of `export --weeks`: one of the calendar's weeks (see `calendarWeeks`) with its UID. */
export interface WeekEntry extends CalendarWeek {
  /** See `weekUid` and `outsideWeekUid`. */
  uid: string;
}

/**
 * Every week of the cycle, one entry per week, empty ones too (so that a week an event has left is updated rather
 * than left behind in subscribers' calendars), and the weeks outside it that hold events: upstream's weeks with
 * the events and days it lists, else each Monday–Friday week with the events that begin in it; named as every
 * view names them.
 */
export function weekEntries(timeline: Timeline, today: Day): WeekEntry[] {
  return calendarWeeks(timeline, today).map((week) => ({
    ...week,
    uid: week.outside
      ? outsideWeekUid(timeline.series, week.events[0]?.id ?? mondayOf(week.start))
      : weekUid(timeline.series, week.start),
  }));
}

/**
 * `week-2014-09-01@juno.weeks.juno.openstack`: a week of the cycle, from the series and the week's Monday, so that
 * every week has its own UID whatever its name (names in any script, or the same name twice) and keeps it from
 * run to run.
 */
export function weekUid(series: string, day: Day): string {
  return `week-${mondayOf(day)}@${series}.weeks.juno.openstack`;
}

/**
 * `week-of-juno-eol@juno.weeks.juno.openstack`: a week outside the cycle, from its first event, so that the entry
 * moves with the event (an end of life put off) instead of staying behind at its old Monday.
 */
function outsideWeekUid(series: string, eventId: string): string {
  return `week-of-${eventId}@${series}.weeks.juno.openstack`;
}

/** "Indri R-5": the week's name after its series', unless it names the series already. */
function weekTitle(series: string, name: string): string {
  return namesSeries(series, name) ? name : `${capitalise(series)} ${name}`;
}

function weekData(series: string, week: WeekEntry, input: ExportView): ICalEventData {
  const names = week.events.map((e) => oneLine(e.name));
  const title = weekTitle(series, oneLine(week.name));
  // A week is revised with the data: it changes when an event leaves it, whatever the events it keeps say.
  let revised = input.revision.getTime();
  for (const event of week.events) revised = Math.max(revised, lastModified(event, input.revision).getTime());
  return {
    id: week.uid,
    // A week of the cycle keeps its days whatever moves (SEQUENCE counts changes of date and time, RFC 5545
    // 3.8.7.4); a week outside it moves with its first event, and counts as it does.
    sequence: week.outside ? (week.events[0]?.sequence ?? 0) : 0,
    stamp: input.stamp,
    lastModified: new Date(revised),
    allDay: true,
    start: utcMidnight(week.start),
    end: utcMidnight(addDays(week.end, 1)),
    summary: names.length === 0 ? title : `${title}: ${names.join(', ')}`,
    description:
      week.events.length === 0
        ? 'No events this week.'
        : week.events
            .map(
              (e) =>
                `${oneLine(e.name)} (${e.kind}): ${dayRange(e.start, e.end)}${e.confidence && e.confidence !== 'confirmed' ? `, ${e.confidence}` : ''}`,
            )
            .join('\n'),
    categories: [{ name: 'week' }],
    transparency: ICalEventTransparency.TRANSPARENT,
  };
}

/**
 * Characters per piece of `renderIcsPieces`: under the 64K characters past which V8 keeps a string in its slower
 * large-object space (see toJsonPieces).
 */
const PIECE_LENGTH = 24_000;

/** "The OpenStack Juno release schedule."; a title that already says it is one is not repeated. */
function calendarDescription(title: string): string {
  return /\bschedule\b/i.test(title) ? `The ${title}.` : `The ${title} release schedule.`;
}

/** The calendar as a whole: what its head says. */
export interface IcsHead {
  /** X-WR-CALNAME, and NAME. */
  name: string;
  /** X-WR-CALDESC. */
  description: string;
  /** juno's version, for PRODID. */
  version: string;
  /** METHOD:PUBLISH for calendars sent as mail; null (no METHOD) for files and feeds, as CalDAV servers want. */
  method: 'publish' | null;
}

/** The head of `juno export`'s calendar: the `--name` or the timeline's title, and its description. */
export function exportHead(input: ExportView): IcsHead {
  const { timeline } = input;
  return {
    name: oneLine(input.name ?? timeline.title ?? timeline.series),
    description: cleanText(timeline.description ?? calendarDescription(timeline.title ?? timeline.series)),
    version: input.version,
    method: input.method,
  };
}

/**
 * The timeline's events as an iCalendar document (CRLF line ends, folded at 75 octets, a final CRLF), in pieces
 * made as they are written: a large calendar is never held whole, nor are its events' calendar objects.
 */
export function renderIcsPieces(input: ExportView): Generator<string> {
  return icsPieces(exportHead(input), [input]);
}

/** A calendar without its entries, `start` and `end`, and the calendar object its entries are made in. */
function calendarFrame(head: IcsHead): { calendar: ICalCalendar; start: string; end: string } {
  const calendar = new ICalCalendar({
    prodId: `//juno//juno ${oneLine(head.version)}//EN`,
    ...(head.method === 'publish' ? { method: ICalCalendarMethod.PUBLISH } : {}),
    scale: 'GREGORIAN',
    name: escapeText(head.name),
    description: escapeText(head.description),
    // No calendar time zone: all-day dates are floating dates, the same everywhere.
    timezone: null,
    // Subscribers refresh daily (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    ttl: 86_400,
  });
  const empty = calendar.toString();
  const end = empty.lastIndexOf('END:VCALENDAR');
  return { calendar, start: empty.slice(0, end), end: `${empty.slice(end)}\r\n` };
}

/**
 * A view's entries (events or weeks, its stamps and alarm), each as ical-generator writes and folds it inside
 * `calendar`, rather than by the calendar's toString(), which holds every event and the whole text at once and
 * folds it in one piece: for a hundred thousand events that was most of the time and memory. Each entry's data is
 * made when its turn comes. An entry's text owes nothing to the calendar's head (it has no time zone).
 */
function* viewEntries(calendar: ICalCalendar, view: ExportView): Generator<string> {
  const { timeline } = view;
  const write = (data: ICalEventData, remind: boolean): string => {
    const created = new ICalEvent(data, calendar);
    if (view.alarmSeconds !== null && remind) {
      created.createAlarm({ type: ICalAlarmType.display, trigger: view.alarmSeconds });
    }
    return foldLines(created.toString());
  };
  // An empty week has nothing to remind of.
  if (view.weeks)
    for (const week of weekEntries(timeline, view.today))
      yield write(weekData(timeline.series, week, view), week.events.length > 0);
  else for (const event of timeline.events) yield write(eventData(timeline, event, view), true);
}

/**
 * A calendar of one or more timelines' entries, in pieces as `renderIcsPieces` makes them: a large calendar is
 * never held whole.
 */
export function* icsPieces(head: IcsHead, views: readonly ExportView[]): Generator<string> {
  const { calendar, start, end } = calendarFrame(head);
  let piece = start;
  for (const view of views) {
    for (const entry of viewEntries(calendar, view)) {
      piece += entry;
      if (piece.length > PIECE_LENGTH) {
        yield piece;
        piece = '';
      }
    }
  }
  yield `${piece}${end}`;
}

/**
 * What `juno publish` writes: each view's own calendar (its head as `juno export` makes it) and one calendar of
 * them all under `allHead`, each entry made once for both.
 */
export function icsCalendars(
  views: readonly ExportView[],
  allHead: IcsHead,
): { each: string[]; all: string } {
  const whole = calendarFrame(allHead);
  const entries = views.map((view) => [...viewEntries(whole.calendar, view)].join(''));
  const each = views.map((view, i) => {
    const { start, end } = calendarFrame(exportHead(view));
    return `${start}${entries[i]}${end}`;
  });
  return { each, all: `${whole.start}${entries.join('')}${whole.end}` };
}

/** The calendar as one string (see renderIcsPieces). */
export function renderIcs(input: ExportView): string {
  return [...renderIcsPieces(input)].join('');
}
