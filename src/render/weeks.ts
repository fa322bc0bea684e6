// `juno weeks`: the cycle week by week, as a table, JSON, CSV, TSV or Markdown.
import { type Day, formatDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import {
  type Cell,
  escapeMarkdown,
  timelineName,
  toCsv,
  todayInWeek,
  toJson,
  toMarkdown,
  toTsv,
} from './format.js';
import type { WeeksFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { displayWidth } from './table.js';
import { type WeeksView, type WeekView, weeksJson } from './views/weeks.js';

export type { WeeksFormat };

/**
 * "15–19 Sep 2014", "29 Sep – 3 Oct 2014", "29 Dec 2014 – 2 Jan 2015"; without the year ("15–19 Sep") when
 * `withYear` is false and the week does not straddle two years.
 */
export function weekDates(start: Day, end: Day, withYear = true): string {
  const year = withYear ? ' yyyy' : '';
  if (start.slice(0, 7) === end.slice(0, 7))
    return `${formatDay(start, 'd')}–${formatDay(end, `d MMM${year}`)}`;
  if (start.slice(0, 4) === end.slice(0, 4)) {
    return `${formatDay(start, 'd MMM')} – ${formatDay(end, `d MMM${year}`)}`;
  }
  return `${formatDay(start, 'd MMM yyyy')} – ${formatDay(end, 'd MMM yyyy')}`;
}

/** The table's dates: the year on the first week and wherever it changes, as in a diary. */
function tableDates(weeks: WeekView[]): string[] {
  return weeks.map((w, i) =>
    weekDates(w.start, w.end, i === 0 || weeks[i - 1]?.end.slice(0, 4) !== w.end.slice(0, 4)),
  );
}

const CONFIDENCE_MARK = { confirmed: '', approximate: ' ~', unverified: ' ?' } as const;

/** An event as a table line: its day (or "…" when it began in an earlier week), its name and confidence. */
function eventCell(e: EventView, week: WeekView): string {
  const mark = e.confidence ? CONFIDENCE_MARK[e.confidence] : '';
  const day = e.start < week.start ? '…  ' : formatDay(e.start, 'EEE');
  return `${day} ${oneLine(e.name)}${mark}`;
}

const CURRENT = '▶';

function renderTable(view: WeeksView, { style }: RenderOptions): string {
  const name = timelineName(view);
  const heading = [style.bold(name), todayInWeek(view.today, view.todayWeek)];
  if (view.phase) heading.push(`phase: ${style.accent(oneLine(view.phase))}`);
  const lines = [heading.join(' · '), ''];
  if (view.weeks.length === 0) return `${[...lines, 'No weeks: the timeline has no events.'].join('\n')}\n`;

  // Week names are labels from the file: one line each, padded by the columns they take (第一周 takes six).
  const names = view.weeks.map((w) => oneLine(w.name));
  // Widest cells by a loop: spread into Math.max, a few hundred thousand weeks would overflow the stack.
  let nameWidth = 4;
  for (const name of names) nameWidth = Math.max(nameWidth, displayWidth(name));
  const dates = tableDates(view.weeks);
  let datesWidth = 5;
  for (const date of dates) datesWidth = Math.max(datesWidth, date.length);
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  const row = (mark: string, week: string, when: string, event: string) =>
    `${mark} ${pad(week, nameWidth)}  ${when.padEnd(datesWidth)}  ${event}`.trimEnd();
  lines.push(style.bold(row(' ', 'Week', 'Dates', 'Events')));
  view.weeks.forEach((week, i) => {
    const paint = week.current
      ? (t: string) => style.accent(style.bold(t))
      : week.end < view.today
        ? style.dim
        : (t: string) => t;
    const cells = week.events.map((e) => eventCell(e, week));
    const mark = week.current ? CURRENT : ' ';
    lines.push(paint(row(mark, names[i] as string, dates[i] as string, cells[0] ?? '')));
    for (const cell of cells.slice(1)) lines.push(paint(row(' ', '', '', cell)));
  });
  const legend = [`${CURRENT} this week`, '… began earlier'];
  const marks = new Set(view.weeks.flatMap((w) => w.events.map((e) => e.confidence)));
  if (marks.has('approximate')) legend.push('~ approximate');
  if (marks.has('unverified')) legend.push('? unverified');
  lines.push('', style.dim(legend.join(' · ')));
  return `${lines.join('\n')}\n`;
}

const COLUMNS = ['name', 'start', 'end', 'current', 'events'];

function rows(view: WeeksView): Cell[][] {
  return view.weeks.map((w) => [
    w.name,
    w.start,
    w.end,
    w.current ? 'true' : 'false',
    w.events.map((e) => e.id).join(' '),
  ]);
}

export const weeksRenderers = {
  table: renderTable,
  json: (view) => toJson(weeksJson(view)),
  csv: (view) => toCsv(COLUMNS, rows(view)),
  tsv: (view) => toTsv(COLUMNS, rows(view)),
  markdown: (view) =>
    toMarkdown(
      ['Week', 'Dates', 'Events'],
      view.weeks.map((w) => [
        w.current ? { markdown: `**${escapeMarkdown(w.name).trim()}** (this week)` } : w.name,
        weekDates(w.start, w.end),
        w.events.map((e) => e.name).join('; '),
      ]),
    ),
} satisfies Record<WeeksFormat, Render<WeeksView>>;
