// Small pieces of text shared by the presenters.
import { type Day, longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { Confidence } from '../timeline/types.js';
import type { Style } from './style.js';
import type { Part } from './table.js';
import type { TimelineHeading } from './views/heading.js';

/** What follows an event's name to say how sure its date is: nothing (confirmed), " ~" (approximate), " ?". */
export function confidenceMark(confidence: Confidence | null): string {
  return confidence === 'approximate' ? ' ~' : confidence === 'unverified' ? ' ?' : '';
}

/**
 * The legend of the marks `confidenceMark` gave, for those among `confidences`: "~ approximate date", "? unverified
 * date" (`noun` is what each is said of).
 */
export function confidenceLegend(
  confidences: Iterable<Confidence | null>,
  noun = ' date',
): { confidence: 'approximate' | 'unverified'; text: string }[] {
  const marks = new Set(confidences);
  const legend: { confidence: 'approximate' | 'unverified'; text: string }[] = [];
  if (marks.has('approximate')) legend.push({ confidence: 'approximate', text: `~ approximate${noun}` });
  if (marks.has('unverified')) legend.push({ confidence: 'unverified', text: `? unverified${noun}` });
  return legend;
}

/**
 * The heading of schedule, weeks and calendar, as parts for `joinParts`: the timeline's name in bold, today and
 * its week, and the phase of the cycle today when there is one.
 */
export function headingParts(view: TimelineHeading, phase: string | null, style: Style): Part[] {
  const parts: Part[] = [
    { text: timelineName(view), paint: style.bold },
    { text: todayInWeek(view.today, view.todayWeek) },
  ];
  if (phase !== null) parts.push({ text: `phase: ${oneLine(phase)}`, paint: style.accent });
  return parts;
}

/** "in 25 days", "tomorrow", "today", "yesterday", "17 days ago", or "day 2 of 5" while an event runs. */
export function relativeDays(daysUntil: number, lengthInDays = 1): string {
  if (daysUntil <= 0 && -daysUntil < lengthInDays && lengthInDays > 1) {
    return `day ${1 - daysUntil} of ${lengthInDays}`;
  }
  return daysUntil >= 0 ? daysAhead(daysUntil) : daysAgo(-daysUntil);
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${Math.abs(count) === 1 ? '' : 's'}`;
}

/** "1 day", "17 days". */
export function days(count: number): string {
  return plural(count, 'day');
}

/** Days in an average Gregorian month and year (146,097 days every 400 years). */
const MONTH_DAYS = 146_097 / 4800;
const YEAR_DAYS = 146_097 / 400;

/**
 * A span of days as people say it. The rule: under 60 days, days ("45 days"); from 60 days to under two years
 * (730 days), whole months of 30.44 days, rounded to the nearest ("2 months" from 60 days, "24 months" at 729);
 * from 730 days on, whole years of 365.2425 days, rounded to the nearest ("12 years" for 4427 days). Exact days
 * stay in JSON (`daysUntil`) and in `countdown --plain`.
 */
export function span(count: number): string {
  const n = Math.abs(count);
  if (n < 60) return days(n);
  if (n < 730) return plural(Math.round(n / MONTH_DAYS), 'month');
  return plural(Math.round(n / YEAR_DAYS), 'year');
}

/** A day in the past, counted back from today: "today", "yesterday", "17 days ago", "3 months ago". */
export function daysAgo(count: number): string {
  return count === 0 ? 'today' : count === 1 ? 'yesterday' : `${span(count)} ago`;
}

/** A day ahead: "today", "tomorrow", "in 4 days", "in 4 months". */
export function daysAhead(count: number): string {
  return count === 0 ? 'today' : count === 1 ? 'tomorrow' : `in ${span(count)}`;
}

/** "today Sun 21 Sep 2014 (R-4)": the day and its week, as the headings of schedule, weeks and calendar say it. */
function todayInWeek(today: Day, week: string): string {
  return `today ${longDay(today)} (${oneLine(week)})`;
}

/** The version as distro-info writes Ubuntu's LTS: "2026.1 SLURP"; "–" for a series without one. */
export const versionText = (s: { releaseId: string | null; slurp: boolean }): string =>
  s.releaseId === null ? '–' : `${s.releaseId}${s.slurp ? ' SLURP' : ''}`;

/** True when `text` holds `id` as a word of its own: "2027.1 Indri Release Schedule" holds 2027.1, not 2027.11. */
function mentions(text: string, id: string): boolean {
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
    const [before, after, next] = [at - 1, at + id.length, at + id.length + 1].map((i) => text.charAt(i));
    if (
      !/[\w.]/.test(before as string) &&
      !/\w/.test(after as string) &&
      !(after === '.' && /\w/.test(next as string))
    )
      return true;
  }
  return false;
}

/**
 * "OpenStack Juno (2014.2)": the timeline's title (else its series) and release id, on one line; the id once,
 * when the title already carries it ("2027.1 Indri Release Schedule").
 */
export function timelineName(timeline: {
  title: string | null;
  series: string;
  releaseId: string | null;
}): string {
  const title = oneLine(timeline.title ?? timeline.series);
  const id = timeline.releaseId === null ? '' : oneLine(timeline.releaseId);
  return id === '' || mentions(title, id) ? title : `${title} (${id})`;
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029]/;
const UNSAFE_IN_JSON_ALL = new RegExp(UNSAFE_IN_JSON.source, 'g');

/** C1 controls and line separators as \u escapes; tested first, so that clean text is not copied. */
function escapeJson(json: string): string {
  if (!UNSAFE_IN_JSON.test(json)) return json;
  return json.replace(UNSAFE_IN_JSON_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JSON document for stdout: C1 controls and line separators escaped too, so no terminal acts on them. */
export function toJson(value: unknown): string {
  return `${escapeJson(JSON.stringify(value, null, 2))}\n`;
}

/** What a renderer gives for stdout: text, or text in pieces written one after another. */
export type Output = string | Iterable<string>;

/**
 * The same text as `toJson(value)`, in pieces: the list under `key`, which must be the last key of `value`, is
 * turned into text a few dozen items at a time as it is written, each item through `item` first (as a
 * `toJson` of the list mapped by `item` would give). A hundred thousand events as one pretty-printed string,
 * then a flat copy of it and its UTF-8 bytes to write it, were most of the memory; so were the items, when all
 * of them were made before the first was written.
 */
export function* toJsonPieces<T extends object, K extends keyof T & string>(
  value: T,
  key: K,
  item: (each: ItemOf<T[K]>) => unknown = (each) => each,
): Generator<string> {
  const items: unknown = value[key];
  const view = (list: ItemOf<T[K]>[]) => list.map((each) => item(each));
  const keys = Object.keys(value);
  if (!Array.isArray(items) || items.length === 0 || keys[keys.length - 1] !== key) {
    yield toJson(Array.isArray(items) ? { ...value, [key]: view(items) } : value);
    return;
  }
  const head = toJson({ ...value, [key]: [] });
  // `"key": []` closes the document: `[]\n}\n`.
  yield `${head.slice(0, -'[]\n}\n'.length)}[\n`;
  let count = 16;
  for (let start = 0; start < items.length; ) {
    const end = Math.min(start + count, items.length);
    // A batch under a key of its own comes out at the same depth: `{\n  "k": [\n    {…},\n    {…}\n  ]\n}`.
    const batch = escapeJson(JSON.stringify({ k: view(items.slice(start, end)) }, null, 2));
    yield `${batch.slice('{\n  "k": [\n'.length, -'\n  ]\n}'.length)}${end < items.length ? ',' : ''}\n`;
    // The next batch is sized from this one's characters per item, growing at most twofold at a time.
    const fits = Math.floor((PIECE_CHARS * (end - start)) / batch.length);
    count = Math.max(1, Math.min(fits, 2 * (end - start), MAX_BATCH));
    start = end;
  }
  yield '  ]\n}\n';
}

/** The type of a list's items. */
type ItemOf<List> = List extends readonly (infer Item)[] ? Item : never;

/**
 * Characters per piece of `toJsonPieces`. V8 puts strings over 128 KB (64K characters of UTF-16) in its
 * large-object space, where building, flattening and encoding them took three times as long as for small ones:
 * at 100,000 events, pieces of 256 events spent about 400 ms more than pieces of 64.
 */
const PIECE_CHARS = 24_000;
const MAX_BATCH = 1024;

/** A text progress bar, `width` cells wide. */
export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(fraction * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

// Spreadsheets start a formula at `=`, `+`, `-` or `@` (and their full-width forms), some after leading spaces.
// Quotes count as leading too: a TSV cell `"=HYPERLINK(""…"")"` is read by LibreOffice as a quoted field, whose
// quotes it drops before evaluating the rest. Tabs, carriage returns and other control characters are already
// gone once the cell is one line; they are listed for a cell that did not come through `oneLine`.
const FORMULA_START = /^[\s"'\uff02\uff07]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A spreadsheet cell on one line, neutralised by a leading `'` (OWASP's advice) when it would run as a formula
 * after any leading quotes and spaces. A plain number such as `-5` stays a number.
 */
export function safeCell(text: string): string {
  const flat = oneLine(text);
  return FORMULA_START.test(flat) && !NUMBER.test(flat) ? `'${flat}` : flat;
}

export type Cell = string | number | null;

function cellText(cell: Cell): string {
  return cell === null ? '' : safeCell(String(cell));
}

/** RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; CRLF line ends. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${[header, ...rows].map((row) => row.map((c) => quote(cellText(c))).join(',')).join('\r\n')}\r\n`;
}

/** Tab-separated values: tabs and line breaks inside cells become spaces. */
export function toTsv(header: string[], rows: Cell[][]): string {
  return (
    [header, ...rows].map((row) => row.map((c) => cellText(c).replace(/\t/g, ' ')).join('\t')).join('\n') +
    '\n'
  );
}

// Characters that start Markdown constructs: emphasis and strikethrough, code spans, links, images and footnotes,
// table cells, headings, (GitHub) math; each is written with a backslash, which CommonMark allows before any ASCII
// punctuation. `<`, `>` and `&` (raw HTML, autolinks, entities) become entities, which every renderer reads as text.
// GitHub also links bare web addresses (`https://…`, `www.…`); an escaped `:` or `.` keeps them text. (It links
// e-mail addresses whatever their escapes: those stay `mailto:` links.)
const MARKDOWN_SPECIAL = /[\\`*_~[\]!|#$]/g;
const MARKDOWN_ENTITY = { '&': '&amp;', '<': '&lt;', '>': '&gt;' } as const;

/** Text from data as plain text inside Markdown: one line, no link, image, HTML, entity or emphasis. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/[&<>]/g, (c) => MARKDOWN_ENTITY[c as keyof typeof MARKDOWN_ENTITY])
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/** A Markdown cell: data (escaped when written), or Markdown made by juno around escaped data. */
export type MarkdownCell = Cell | { markdown: string };

/** A GitHub-flavoured Markdown table. */
export function toMarkdown(header: string[], rows: MarkdownCell[][]): string {
  const cellText = (cell: MarkdownCell) =>
    cell === null ? '' : typeof cell === 'object' ? cell.markdown : escapeMarkdown(String(cell));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return `${[line(header), line(header.map(() => '---')), ...rows.map((r) => line(r.map(cellText)))].join('\n')}\n`;
}
