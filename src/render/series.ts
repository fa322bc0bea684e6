// `juno series`: every OpenStack series with its release id, dates and status on a given day.
import { longDay } from '../timeline/day.js';
import type { SeriesStatus } from '../timeline/series.js';
import { type Cell, toCsv, toJson, toMarkdown, toTsv } from './format.js';
import type { SeriesFormat } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import type { Style } from './style.js';
import { renderColumns } from './table.js';
import { type SeriesListView, type SeriesRow, seriesJson } from './views/series.js';

export type { SeriesFormat };

function header(view: SeriesListView): string[] {
  const columns = ['name', 'releaseId', 'release', 'eol', 'status'];
  return view.days ? [...columns, 'days'] : columns;
}

function rows(view: SeriesListView): Cell[][] {
  return view.series.map((s) => {
    const cells: Cell[] = [s.name, s.releaseId, s.release, s.eol, s.status];
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

function renderTable(view: SeriesListView, { style }: RenderOptions): string {
  const head = ['Series', 'Version', 'Released', 'End of life', 'Status'];
  if (view.days) head.push(view.days === 'release' ? 'Days to release' : 'Days to EOL');
  const rows = view.series.map((s) => {
    const cells = [s.name, s.releaseId ?? '–', longDay(s.release), s.eol ? longDay(s.eol) : '–', s.status];
    if (view.days) cells.push(s.days === null || s.days === undefined ? '–' : String(s.days));
    return cells;
  });
  return renderColumns({
    head,
    rows,
    paintHead: style.bold,
    paintRow: (i) => paint((view.series[i] as SeriesRow).status, style),
  });
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
} satisfies Record<SeriesFormat, Render<SeriesListView>>;
