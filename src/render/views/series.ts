// What `juno series` shows: OpenStack series with their dates and their status on a given day, or (`--about`)
// where the series data came from.
import { type Day, daysBetween } from '../../timeline/day.js';
import {
  filterSeries,
  type SeriesFilter,
  type SeriesSnapshot,
  type SeriesStatus,
  type SeriesView,
  seriesDays,
} from '../../timeline/series.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import type { Selection } from '../render.js';

export interface SeriesRow extends SeriesView {
  /** Which of the dates are after today: upstream's plan, not yet history. */
  planned: { release: boolean; eol: boolean };
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
  /** The one series `juno series NAME` asks about, or null for every series. */
  named?: SeriesView | null;
}

const FILTER_WORDS: Record<SeriesFilter, string> = {
  all: 'known',
  supported: 'supported',
  maintained: 'maintained',
  unmaintained: 'unmaintained',
  eol: 'at end of life',
  development: 'in development',
  latest: 'the newest released',
};

const STATUS_WORDS: Record<SeriesStatus, string> = {
  future: 'not in development yet',
  development: 'in development',
  maintained: 'maintained',
  unmaintained: 'unmaintained',
  'end of life': 'at end of life',
};

/** Why nothing matched: no series passes the filter, or the one named does not. */
function nothingMessage(all: SeriesView[], today: Day, query: SeriesQuery): string {
  const { filter } = query;
  const named = query.named ?? null;
  if (named === null) {
    return filter === 'latest'
      ? `no series was released on or before ${today}`
      : `no series is ${FILTER_WORDS[filter]} on ${today}`;
  }
  if (filter === 'latest') {
    const latest = filterSeries(all, 'latest', today)[0];
    const newest = latest ? `${latest.name} is` : 'none is released yet';
    return `${named.name} is not the newest released series on ${today}: ${newest}`;
  }
  return `${named.name} is not ${FILTER_WORDS[filter]} on ${today}: it is ${STATUS_WORDS[named.status]}`;
}

/** The series of `all` (every series, oldest first) that pass the filter, narrowed to the one named if any. */
export function seriesListView(all: SeriesView[], today: Day, query: SeriesQuery): SeriesListView {
  const named = query.named ?? null;
  const passing = filterSeries(all, query.filter, today);
  const selected = named === null ? passing : passing.filter((s) => s.name === named.name);
  const { days } = query;
  return {
    schemaVersion: SCHEMA_VERSION,
    today,
    series: selected.map((s) => {
      const row: SeriesRow = {
        ...s,
        planned: { release: s.release > today, eol: s.eol !== null && s.eol > today },
      };
      return days ? { ...row, days: seriesDays(s, days, today) } : row;
    }),
    days,
    nothing:
      selected.length === 0
        ? {
            message: nothingMessage(all, today, query),
            hint:
              named !== null && query.filter !== 'latest' ? `juno series --${query.filter} lists them` : null,
          }
        : null,
  };
}

export function seriesJson(view: SeriesListView): SeriesJson {
  return { schemaVersion: view.schemaVersion, today: view.today, series: view.series };
}

/** Where the series data in use came from. */
export interface SeriesDataOrigin {
  /** True when `juno update` wrote the data in use; false for the data bundled with juno. */
  updated: boolean;
  /** The series list read, for messages (data/series.json, or the user's copy). */
  file: string;
  snapshot: SeriesSnapshot | null;
}

/** `juno series --about --format json`: the versioned contract. */
export interface SeriesAboutJson {
  schemaVersion: typeof SCHEMA_VERSION;
  today: Day;
  data: {
    origin: 'bundled' | 'updated';
    file: string;
    source: string | null;
    commit: string | null;
    date: Day | null;
    /** Days from the snapshot to today; null without a snapshot. */
    age: number | null;
    series: number;
    first: string | null;
    last: string | null;
  };
}

export type SeriesAboutView = SeriesAboutJson;

/** `all` is every series, oldest first. */
export function seriesAboutView(all: SeriesView[], origin: SeriesDataOrigin, today: Day): SeriesAboutView {
  const { snapshot } = origin;
  return {
    schemaVersion: SCHEMA_VERSION,
    today,
    data: {
      origin: origin.updated ? 'updated' : 'bundled',
      file: origin.file,
      source: snapshot?.source ?? null,
      commit: snapshot?.commit ?? null,
      date: snapshot?.date ?? null,
      age: snapshot ? daysBetween(snapshot.date, today) : null,
      series: all.length,
      first: all[0]?.name ?? null,
      last: all.at(-1)?.name ?? null,
    },
  };
}
