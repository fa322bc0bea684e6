// `juno series`: every OpenStack series with its release id, dates and status on a given day; `--about`: where
// that data came from.
import { longDay, shortDay } from '../timeline/day.js';
import type { SeriesStatus } from '../timeline/series.js';
import { oneLine } from '../timeline/text.js';
import { type Cell, daysAgo, daysAhead, toCsv, toJson, toMarkdown, toTsv, versionText } from './format.js';
import type { SeriesAboutFormat, SeriesFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import { type Fit, fitColumns, fitWidths, measureColumns, renderColumns } from './table.js';
import { type SeriesAboutView, type SeriesListView, type SeriesRow, seriesJson } from './views/series.js';

export type { SeriesAboutFormat, SeriesFormat };

function header(view: SeriesListView): string[] {
  const columns = ['name', 'releaseId', 'release', 'eol', 'status', 'slurp'];
  return view.days ? [...columns, 'days'] : columns;
}

function rows(view: SeriesListView): Cell[][] {
  return view.series.map((s) => {
    const cells: Cell[] = [s.name, s.releaseId, s.release, s.eol, s.status, String(s.slurp)];
    return view.days ? [...cells, s.days ?? null] : cells;
  });
}

function paint(status: SeriesStatus, style: Style): (text: string) => string {
  if (status === 'end of life') return style.dim;
  if (status === 'development') return style.accent;
  if (status === 'maintained') return style.good;
  if (status === 'unmaintained') return style.warn;
  return (text) => text;
}

/**
 * A date as the table shows it, `~` after it when it is still ahead (planned); without its weekday ("21 Oct 2010
 * ~") for a terminal too narrow for weekdays.
 */
const planned = (day: string, ahead: boolean, weekdays: boolean) =>
  `${weekdays ? longDay(day) : shortDay(day)}${ahead ? ' ~' : ''}`;

/** On a narrow terminal, Version wraps first, then Status, the dates, and the days. */
const FIT_STEPS: Fit['steps'] = [
  [1, 0],
  [4, 0],
  [2, 0],
  [3, 0],
  [5, 0],
];

/**
 * A borderless table. On a terminal narrower than it, the dates lose their weekdays (and End of life is headed
 * EOL), then Version, Status and the dates wrap at spaces; piped, it is never fitted.
 */
function renderTable(view: SeriesListView, { style, width }: RenderOptions): string {
  const head = ['Series', 'Version', 'Released', 'End of life', 'Status'];
  if (view.days) head.push(view.days === 'release' ? 'Days to release' : 'Days to EOL');
  const rowsOf = (weekdays: boolean) =>
    view.series.map((s) => {
      const cells = [
        s.name,
        versionText(s),
        planned(s.release, s.planned.release, weekdays),
        s.eol ? planned(s.eol, s.planned.eol, weekdays) : '–',
        s.status,
      ];
      if (view.days) cells.push(s.days === null || s.days === undefined ? '–' : String(s.days));
      return cells;
    });
  let rows = rowsOf(true);
  if (width !== null) {
    const { natural, least } = measureColumns(head, rows);
    if (fitWidths(natural, least, [], width).over > 0) {
      rows = rowsOf(false);
      head[3] = 'EOL';
    }
  }
  const table = renderColumns({
    head,
    rows,
    paintHead: style.bold,
    paintRow: (i) => paint((view.series[i] as SeriesRow).status, style),
    ...fitColumns(head, rows, { width, steps: FIT_STEPS }),
  });
  const anyPlanned = view.series.some((s) => s.planned.release || s.planned.eol);
  return style.text(anyPlanned ? `${table}\n${style.dim('~ planned date (after today)')}\n` : table);
}

/** An empty list is written as nothing, except in JSON, whose document always stands. */
const unlessEmpty =
  (render: Render<SeriesListView>): Render<SeriesListView> =>
  (view, options) =>
    view.series.length === 0 ? '' : render(view, options);

export const seriesRenderers = {
  table: unlessEmpty(renderTable),
  json: (view) => toJson(seriesJson(view)),
  csv: unlessEmpty((view) => toCsv(header(view), rows(view))),
  tsv: unlessEmpty((view) => toTsv(header(view), rows(view))),
  markdown: unlessEmpty((view) => toMarkdown(header(view), rows(view))),
  names: unlessEmpty((view) => `${view.series.map((s) => s.name).join('\n')}\n`),
} satisfies Record<SeriesFormat, Render<SeriesListView>>;

function renderAbout({ data, today }: SeriesAboutView, { style }: RenderOptions): string {
  const lines: [string, string][] = [
    [
      'Series data',
      data.origin === 'bundled'
        ? `bundled with juno (${oneLine(data.file)})`
        : `written by juno update (${oneLine(data.file)})`,
    ],
  ];
  if (data.source !== null) lines.push(['Source', oneLine(data.source)]);
  if (data.commit !== null) lines.push(['Commit', oneLine(data.commit)]);
  if (data.date !== null && data.age !== null) {
    const when = data.age >= 0 ? daysAgo(data.age) : daysAhead(-data.age);
    lines.push(['Date', `${longDay(data.date)} (${when}, on ${today})`]);
  }
  if (data.commit === null) lines.push(['Snapshot', 'not recorded']);
  const span = data.first !== null && data.last !== null ? `, ${data.first} to ${data.last}` : '';
  lines.push(['Series', `${data.series}${span}`]);
  lines.push([
    'Refresh',
    data.origin === 'bundled' ? 'juno update' : 'juno update (juno update --reset: bundled)',
  ]);
  const width = Math.max(...lines.map(([label]) => label.length)) + 2;
  return style.text(
    `${lines.map(([label, value]) => `${style.bold(`${label}:`.padEnd(width))}${value}`).join('\n')}\n`,
  );
}

export const seriesAboutRenderers = {
  table: renderAbout,
  json: (view) => toJson(view),
} satisfies Record<SeriesAboutFormat, Render<SeriesAboutView>>;
