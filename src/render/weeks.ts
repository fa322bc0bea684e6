// `juno weeks`: the cycle week by week, as a table, JSON, CSV, TSV or Markdown.
import { type Day, formatDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import type { EventView } from '../timeline/view.js';
import {
  type Cell,
  confidenceLegend,
  confidenceMark,
  escapeMarkdown,
  headingParts,
  toCsv,
  toJson,
  toMarkdown,
  toTsv,
} from './format.js';
import type { WeeksFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import { breakAfterDash, type Fit, fitColumns, joinParts, type Part, renderColumns } from './table.js';
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

/**
 * An event as a table line: its day (or "…" when it began in an earlier week), then its name and confidence;
 * the day and the name's first word kept together.
 */
function eventCell(e: EventView, week: WeekView, style: Style): string {
  const mark = confidenceMark(e.confidence);
  const day = e.start < week.start ? (style.ascii ? '...' : '…  ') : formatDay(e.start, 'EEE');
  return `${day}\u00a0${oneLine(e.name)}${mark.replace(' ', '\u00a0')}`;
}

const CURRENT = '▶';
/** Continuation lines: a week's name under its name, an event's under its name (after the day). */
const HANG = [2, 0, 4];

/**
 * On a narrow terminal, Events narrow first (to 24 columns), then dates take two lines, then week names wrap, then
 * Events again.
 */
const FIT_STEPS: Fit['steps'] = [
  [2, 24],
  [1, 0],
  [0, 0],
  [2, 0],
];

function renderTable(view: WeeksView, { style, width }: RenderOptions): string {
  const lines = [...joinParts(headingParts(view, view.phase, style), ' · ', width), ''];
  if (view.weeks.length === 0)
    return style.text(`${[...lines, 'No weeks: the timeline has no events.'].join('\n')}\n`);

  // Week names are labels from the file: one line each, padded by the columns they take (第一周 takes six).
  // The mark and the name's first word stay together.
  const dates = tableDates(view.weeks).map(breakAfterDash);
  const rows = view.weeks.map((week, i) => [
    `${week.current ? CURRENT : '\u00a0'}\u00a0${oneLine(week.name)}`,
    dates[i] as string,
    week.events.map((e) => eventCell(e, week, style)).join('\n'),
  ]);
  const head = ['  Week', 'Dates', 'Events'];
  const table = renderColumns({
    head,
    rows,
    paintHead: style.bold,
    paintRow: (i) => {
      const week = view.weeks[i] as WeekView;
      return week.current
        ? (t: string) => style.accent(style.bold(t))
        : week.end < view.today
          ? style.dim
          : (t: string) => t;
    },
    ...fitColumns(head, rows, { width, steps: FIT_STEPS, hang: HANG }),
  });
  lines.push(table.trimEnd());
  const legend: Part[] = [
    { text: `${CURRENT} this week` },
    { text: `${style.ascii ? '...' : '…'} began earlier` },
  ];
  legend.push(
    ...confidenceLegend(
      view.weeks.flatMap((w) => w.events.map((e) => e.confidence)),
      '',
    ),
  );
  lines.push('', ...joinParts(legend, ' · ', width).map((l) => style.dim(l)));
  return style.text(`${lines.join('\n')}\n`);
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
