// `juno schedule`: the timeline as a table, JSON, CSV, TSV or Markdown.
import { dayRange, longDay } from '../timeline/day.js';
import { lengthInDays } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import {
  type Cell,
  progressBar,
  relativeDays,
  timelineName,
  toCsv,
  todayInWeek,
  toJsonPieces,
  toMarkdown,
  toTsv,
} from './format.js';
import type { ScheduleFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import { displayWidth, renderColumns } from './table.js';
import { type ScheduleView, scheduleJson } from './views/schedule.js';

const COLUMNS = [
  'id',
  'name',
  'kind',
  'start',
  'end',
  'week',
  'daysUntil',
  'status',
  'confidence',
  'project',
  'location',
];

function rows(view: ScheduleView): Cell[][] {
  return view.events.map((e) => [
    e.id,
    e.name,
    e.kind,
    e.start,
    e.end,
    e.week,
    e.daysUntil,
    e.status,
    e.confidence,
    e.project,
    e.location,
  ]);
}

const CONFIDENCE_MARK = { confirmed: '', approximate: ' ~', unverified: ' ?' } as const;

/** The line above the table: series, today, phase and a progress bar. */
export function scheduleHeading(view: ScheduleView, style: Style): string {
  const name = timelineName(view);
  const parts = [style.bold(name), todayInWeek(view.today, view.todayWeek)];
  if (view.phase) parts.push(`phase: ${style.accent(oneLine(view.phase.name))}`);
  const lines = [parts.join(' · ')];
  if (view.progress !== null && view.cycle) {
    const percent = Math.floor(view.progress * 100);
    lines.push(
      `${style.good(progressBar(view.progress, 30))} ${percent}% of the cycle, ${longDay(view.cycle.start)} → ${longDay(view.cycle.end)}`,
    );
  }
  return lines.join('\n');
}

function rowPaint(e: EventView, isNext: boolean, style: Style): (text: string) => string {
  if (e.status === 'past') return style.dim;
  if (e.status === 'current') return (t) => style.good(style.bold(t));
  if (e.daysUntil <= 7) return isNext ? (t) => style.warn(style.bold(t)) : style.warn;
  if (isNext) return (t) => style.accent(style.bold(t));
  return (t) => t;
}

/**
 * A borderless table. In a terminal narrower than the table, the Kind column goes first, then the Event
 * column wraps; piped output is never wrapped, so that each event stays on one line for grep and friends.
 */
function renderTable(view: ScheduleView, { style, width }: RenderOptions): string {
  const firstUpcoming = view.events.find((e) => e.status === 'upcoming');
  let columns = ['Date', 'Week', 'Event', 'Kind', 'When'];
  let cells = view.events.map((e) => [
    dayRange(e.start, e.end) + (e.confidence ? CONFIDENCE_MARK[e.confidence] : ''),
    oneLine(e.week ?? ''),
    oneLine(e.name),
    e.kind,
    relativeDays(e.daysUntil, lengthInDays(e)),
  ]);
  const widthOf = (i: number) =>
    cells.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), displayWidth(columns[i] ?? ''));
  const tableWidth = () => columns.reduce((sum, _, i) => sum + widthOf(i), 0) + 2 * (columns.length - 1);
  let wrap: { column: number; width: number } | undefined;
  if (width !== null && tableWidth() > width) {
    columns = columns.filter((c) => c !== 'Kind');
    cells = cells.map((r) => [r[0], r[1], r[2], r[4]] as string[]);
    const overflow = tableWidth() - width;
    const eventWidth = widthOf(2) - overflow;
    if (overflow > 0 && eventWidth >= 12) wrap = { column: 2, width: eventWidth };
  }
  const table = renderColumns({
    head: columns,
    rows: cells,
    paintHead: style.bold,
    paintRow: (i) => {
      const e = view.events[i] as EventView;
      return rowPaint(e, e === firstUpcoming, style);
    },
    ...(wrap ? { wrap } : {}),
  });
  const lines = [scheduleHeading(view, style), ''];
  if (view.events.length === 0) lines.push('No events.');
  else lines.push(table.trimEnd());
  const marks = new Set(view.events.map((e) => e.confidence));
  const legend: string[] = [];
  if (marks.has('approximate')) legend.push('~ approximate date');
  if (marks.has('unverified')) legend.push('? unverified date');
  if (legend.length > 0) lines.push('', style.dim(legend.join(' · ')));
  return `${lines.join('\n')}\n`;
}

export const scheduleRenderers = {
  table: renderTable,
  json: (view) => toJsonPieces(scheduleJson(view), 'events'),
  csv: (view) => toCsv(COLUMNS, rows(view)),
  tsv: (view) => toTsv(COLUMNS, rows(view)),
  markdown: (view) =>
    toMarkdown(
      ['Date', 'Week', 'Event', 'Kind', 'When'],
      view.events.map((e) => [
        dayRange(e.start, e.end),
        e.week,
        e.name,
        e.kind,
        relativeDays(e.daysUntil, lengthInDays(e)),
      ]),
    ),
} satisfies Record<ScheduleFormat, Render<ScheduleView>>;
