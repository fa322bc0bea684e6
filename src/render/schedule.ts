// `juno schedule`: the timeline as a table, JSON, CSV, TSV or Markdown.
import { dayRange, longDay } from '../timeline/day.js';
import { lengthInDays } from '../timeline/query.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import {
  type Cell,
  confidenceLegend,
  confidenceMark,
  headingParts,
  progressBar,
  relativeDays,
  toCsv,
  toJsonPieces,
  toMarkdown,
  toTsv,
} from './format.js';
import type { ScheduleFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import {
  breakAfterDash,
  displayWidth,
  fitWidths,
  joinParts,
  measureColumns,
  type Part,
  renderColumns,
} from './table.js';
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

/** The lines above the table: series, today and phase (on as many lines as the width needs), then progress. */
function scheduleHeading(view: ScheduleView, style: Style, width: number | null): string {
  const lines = joinParts(headingParts(view, view.phase?.name ?? null, style), ' · ', width);
  if (view.progress !== null && view.cycle)
    lines.push(...progressLines(view.progress, view.cycle, style, width));
  return lines.join('\n');
}

/**
 * "██████░░░░ 34% of the cycle, Wed 30 Sep 2026 → Wed 24 Mar 2027" when it fits (or is piped); else without "of
 * the cycle"; else on two lines, the bar narrowed below 30 cells only when even that line does not fit.
 */
function progressLines(
  progress: number,
  cycle: { start: string; end: string },
  style: Style,
  width: number | null,
): string[] {
  const percent = `${Math.floor(progress * 100)}%`;
  const dates = `${longDay(cycle.start)} → ${longDay(cycle.end)}`;
  const bar = (cells: number) => style.good(progressBar(progress, cells));
  const full = `${percent} of the cycle, ${dates}`;
  if (width === null || 31 + displayWidth(full) <= width) return [`${bar(30)} ${full}`];
  const short = `${percent}, ${dates}`;
  if (31 + displayWidth(short) <= width) return [`${bar(30)} ${short}`];
  const label = `${percent} of the cycle`;
  const cells = Math.max(10, Math.min(30, width - 1 - label.length));
  return [`${bar(cells)} ${label}`, dates];
}

function rowPaint(e: EventView, isNext: boolean, style: Style): (text: string) => string {
  if (e.status === 'past') return style.dim;
  if (e.status === 'current') return (t) => style.good(style.bold(t));
  if (e.daysUntil <= 7) return isNext ? (t) => style.warn(style.bold(t)) : style.warn;
  if (isNext) return (t) => style.accent(style.bold(t));
  return (t) => t;
}

/** "Thu 25 Sep – Wed 15 Oct 2014 ~", breakable only after the dash; "25 Sep 2014" without weekdays. */
function dateCell(e: EventView, weekdays: boolean): string {
  const mark = confidenceMark(e.confidence);
  const range = dayRange(e.start, e.end, weekdays);
  return breakAfterDash(`${range}${mark}`);
}

const HEAD = ['Date', 'Week', 'Event', 'Kind', 'When'];
/** A date range's second line is indented under its first. */
const DATE_HANG = [2];
const EVENT = 2;
const KIND = 3;
/** The Event column is kept at least this wide before the Kind column is left out. */
const EVENT_WITH_KIND = 24;

/**
 * The table's columns and their widths for `width`. It fits as it is when it can; else the Event column wraps
 * (Kind kept while Event stays 24 wide); else Kind is left out (and the legend says so), Event narrows to 20,
 * date ranges take two lines, Week names wrap, Event narrows to its longest word; and when When would have to
 * wrap too, the dates first lose their weekdays ("25 Sep 2014"). Piped output (`width` null) is never fitted: each event stays on one line.
 */
function layout(view: ScheduleView, width: number | null) {
  const all = view.events.map((e) => [
    dateCell(e, true),
    oneLine(e.week ?? ''),
    oneLine(e.name),
    e.kind,
    relativeDays(e.daysUntil, lengthInDays(e)),
  ]);
  if (width === null) return { head: HEAD, cells: all, wrap: undefined, kindLeftOut: false };
  // Widths are per column: the table is measured once, and only the Date column again without weekdays.
  const { natural, least } = measureColumns(HEAD, all, DATE_HANG);
  const withKind = fitWidths(natural, least, [[EVENT, EVENT_WITH_KIND]], width);
  if (withKind.over === 0) return { head: HEAD, cells: all, wrap: withKind.widths, kindLeftOut: false };
  const drop = <T>(row: T[]) => row.filter((_, i) => i !== KIND);
  const head = drop(HEAD);
  // Without Kind, the columns are Date, Week, Event, When.
  const steps: [number, number][] = [
    [2, 20],
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
  ];
  const noKind = { natural: drop(natural), least: drop(least) };
  let cells = all.map(drop);
  let fitted = fitWidths(noKind.natural, noKind.least, steps, width);
  // Weekdays are given up before When wraps.
  if (fitted.over > 0 || (fitted.widths[3] ?? 0) < (noKind.natural[3] ?? 0)) {
    const dates = view.events.map((e) => dateCell(e, false));
    const date = measureColumns(
      head.slice(0, 1),
      dates.map((d) => [d]),
      DATE_HANG,
    );
    noKind.natural[0] = date.natural[0] ?? 0;
    noKind.least[0] = date.least[0] ?? 0;
    cells = cells.map((row, i) => [dates[i] as string, ...row.slice(1)]);
    fitted = fitWidths(noKind.natural, noKind.least, steps, width);
  }
  return { head, cells, wrap: fitted.widths, kindLeftOut: true };
}

/** A borderless table, fitted to the terminal's width (see `layout`). */
function renderTable(view: ScheduleView, { style, width }: RenderOptions): string {
  const firstUpcoming = view.events.find((e) => e.status === 'upcoming');
  const { head, cells, wrap, kindLeftOut } = layout(view, width);
  const table = renderColumns({
    head,
    rows: cells,
    paintHead: style.bold,
    paintRow: (i) => {
      const e = view.events[i] as EventView;
      return rowPaint(e, e === firstUpcoming, style);
    },
    ...(wrap ? { wrap, hang: DATE_HANG } : {}),
  });
  const lines = [scheduleHeading(view, style, width), ''];
  if (view.events.length === 0) lines.push('No events.');
  else lines.push(table.trimEnd());
  const legend: Part[] = confidenceLegend(view.events.map((e) => e.confidence));
  if (kindLeftOut && view.events.length > 0)
    legend.push({ text: 'Kind hidden to fit: see --format markdown' });
  if (legend.length > 0) lines.push('', ...joinParts(legend, ' · ', width).map((l) => style.dim(l)));
  return style.text(`${lines.join('\n')}\n`);
}

export const scheduleRenderers = {
  table: renderTable,
  json: (view) => toJsonPieces(scheduleJson(view), 'events', view.viewOf),
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
