// What `juno series` shows: OpenStack series with their dates and their status on a given day.
import type { Day } from '../../timeline/day.js';
import { filterSeries, type SeriesFilter, type SeriesView, seriesDays } from '../../timeline/series.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import type { Selection } from '../render.js';

export interface SeriesRow extends SeriesView {
  /** Signed days from today to the release or end of life, with `--days`; otherwise absent. */
  days?: number | null;
}

/** `juno series --format json`: the versioned contract; an empty list when the filter matches no series. */
export interface SeriesJson {
  schemaVersion: typeof SCHEMA_VERSION;
  today: Day;
  series: SeriesRow[];
}

export interface SeriesListView extends SeriesJson, Selection {
  /** The milestone `--days` counts to, or null. */
  days: 'release' | 'eol' | null;
}

export interface SeriesQuery {
  filter: SeriesFilter;
  days: 'release' | 'eol' | null;
}

const FILTER_WORDS: Record<SeriesFilter, string> = {
  all: 'known',
  supported: 'supported',
  maintained: 'maintained',
  unmaintained: 'unmaintained',
  eol: 'at end of life',
  development: 'in development',
};

/** The series of `candidates` (every series, or the one named) that pass the filter. */
export function seriesListView(candidates: SeriesView[], today: Day, query: SeriesQuery): SeriesListView {
  const selected = filterSeries(candidates, query.filter);
  const { days } = query;
  return {
    schemaVersion: SCHEMA_VERSION,
    today,
    series: selected.map((s) => (days ? { ...s, days: seriesDays(s, days, today) } : s)),
    days,
    nothing:
      selected.length === 0
        ? { message: `no series is ${FILTER_WORDS[query.filter]} on ${today}`, hint: null }
        : null,
  };
}

export function seriesJson(view: SeriesListView): SeriesJson {
  return { schemaVersion: view.schemaVersion, today: view.today, series: view.series };
}
