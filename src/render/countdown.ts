// `juno countdown` and `juno next`: how long until an event.
import { dayRange } from '../timeline/day.js';
import { lengthInDays } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { EventView, SCHEMA_VERSION } from '../timeline/view.js';
import { days, daysAgo, daysAhead, toJson } from './format.js';
import type { Style } from './style.js';
import { displayWidth } from './table.js';

export interface CountdownJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: string;
  event: EventView;
}

export interface NextJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  today: string;
  event?: EventView;
  events?: EventView[];
}

/** "25 days until Juno 2014.2 release, Thu 16 Oct 2014"; "Feature freeze was 17 days ago, Thu 4 Sep 2014". */
export function countdownSentence(event: EventView, style: Style): string {
  const name = style.bold(oneLine(event.name));
  const length = lengthInDays(event);
  const when = dayRange(event.start, event.end);
  const d = event.daysUntil;
  if (d > 0) return `${style.accent(days(d))} until ${name}, ${when}`;
  if (length > 1 && -d < length) {
    return `${name} is on: ${style.good(`day ${1 - d} of ${length}`)} (${when})`;
  }
  if (d === 0) return `${name} is ${style.good('today')}, ${when}`;
  if (length > 1) {
    const sinceEnd = -d - length + 1;
    return `${name} ended ${style.dim(daysAgo(sinceEnd))} (${when})`;
  }
  return `${name} was ${style.dim(daysAgo(-d))}, ${when}`;
}

export function renderCountdown(
  json: CountdownJson,
  format: 'text' | 'json' | 'plain',
  style: Style,
): string {
  if (format === 'plain') return `${json.event.daysUntil}\n`;
  if (format === 'json') return toJson(json);
  return `${countdownSentence(json.event, style)}\n`;
}

/** One line per event: "Thu 25 Sep 2014  RC1 target (rc)  in 4 days". */
export function renderNext(json: NextJson, format: 'text' | 'json', style: Style): string {
  if (format === 'json') return toJson(json);
  const events = json.events ?? (json.event ? [json.event] : []);
  const rows = events.map((e) => [
    dayRange(e.start, e.end),
    `${oneLine(e.name)} (${e.kind})`,
    daysAhead(e.daysUntil),
  ]);
  const widths = [0, 1].map((column) =>
    rows.reduce((w, row) => Math.max(w, displayWidth(row[column] ?? '')), 0),
  );
  return events
    .map((e, i) => {
      const [date, name, when] = rows[i] as [string, string, string];
      const paint = e.daysUntil <= 7 ? style.warn : style.accent;
      const pad = (text: string, column: number) =>
        ' '.repeat((widths[column] as number) - displayWidth(text));
      return `${date}${pad(date, 0)}  ${style.bold(name)}${pad(name, 1)}  ${paint(when)}\n`;
    })
    .join('');
}
