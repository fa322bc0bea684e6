// `juno series`: every OpenStack series with its release id, dates and status on a given day.
import { type Day, longDay } from '../timeline/day.js';
import type { SeriesStatus, SeriesView } from '../timeline/series.js';
import { SCHEMA_VERSION } from '../timeline/view.js';
import { type Cell, toCsv, toJson, toMarkdown, toTsv } from './format.js';
import type { SeriesFormat } from './formats.js';
import type { Style } from './style.js';
import { renderColumns } from './table.js';

export type { SeriesFormat };

export interface SeriesRow extends SeriesView {
  /** Signed days from today to the release or end of life, with `--days`; otherwise absent. */
  days?: number | null;
}

export interface SeriesListView {
  today: Day;
  /** The milestone `--days` counts to, or null. */
  days: 'release' | 'eol' | null;
  series: SeriesRow[];
}

export interface SeriesJson {
  schemaVersion: typeof SCHEMA_VERSION;
  today: Day;
  series: SeriesRow[];
}

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

function renderTable(view: SeriesListView, style: Style): string {
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

export const seriesRenderers = {
  table: renderTable,
  json: (view) =>
    toJson({ schemaVersion: SCHEMA_VERSION, today: view.today, series: view.series } satisfies SeriesJson),
  csv: (view) => toCsv(header(view), rows(view)),
  tsv: (view) => toTsv(header(view), rows(view)),
  markdown: (view) => toMarkdown(header(view), rows(view)),
} satisfies Record<SeriesFormat, (view: SeriesListView, style: Style) => string>;
