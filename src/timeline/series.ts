// The lifecycle of every OpenStack series (data/series.json, from openstack/releases data/series_status.yaml)
// and the rule that gives a series' status on a given day. Pure: the day is always passed in.
import { type Day, daysBetween, isDay } from './day.js';
import { isRecord } from './fields.js';
import type { Problem } from './types.js';

/** Upstream's series list on the web, the source events drawn from it cite. */
export const SERIES_STATUS_LINK =
  'https://opendev.org/openstack/releases/src/branch/master/data/series_status.yaml';

export const SERIES_STATUSES = [
  'future',
  'development',
  'maintained',
  'unmaintained',
  'end of life',
] as const;
export type SeriesStatus = (typeof SERIES_STATUSES)[number];

/** A series' name: a lowercase letter, then lowercase letters, digits and hyphens (`juno`, `indri`). */
export const SERIES_NAME = /^[a-z][a-z0-9-]*$/;

/** One series as recorded upstream. */
export interface SeriesRecord {
  name: string;
  /** The coordinated version ("2014.2", "2027.1"); null from liberty to zed. */
  releaseId: string | null;
  /** The status as of the file's last edit, which may be before or after the day asked about. */
  status: SeriesStatus;
  initialRelease: Day;
  eolDate: Day | null;
  /** The next planned status; `date` is null when upstream has not set one yet. */
  nextPhase: { status: SeriesStatus; date: Day | null } | null;
}

/** Where the series list (and the schedules beside it) came from: an openstack/releases commit and its day. */
export interface SeriesSnapshot {
  commit: string;
  date: Day;
  /** The repository, e.g. https://opendev.org/openstack/releases. */
  source: string;
}

export type SeriesListResult =
  | { ok: true; series: SeriesRecord[]; snapshot: SeriesSnapshot | null }
  | { ok: false; problems: Problem[] };

/** One of upstream's series statuses. */
export const isStatus = (value: unknown): value is SeriesStatus =>
  typeof value === 'string' && (SERIES_STATUSES as readonly string[]).includes(value);

/** Reads data/series.json (or a document of the same shape) into typed records, or every problem found. */
export function parseSeriesList(raw: unknown): SeriesListResult {
  const problems: Problem[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.series)) {
    return { ok: false, problems: [{ path: 'series', message: 'expected a list of series' }] };
  }
  const series: SeriesRecord[] = [];
  const seen = new Set<string>();
  raw.series.forEach((item: unknown, i: number) => {
    const path = `series[${i}]`;
    if (!isRecord(item)) {
      problems.push({ path, message: 'expected an object' });
      return;
    }
    const before = problems.length;
    const day = (value: unknown, key: string, nullable: boolean): Day | null => {
      if (value === null && nullable) return null;
      if (isDay(value)) return value;
      problems.push({
        path: `${path}.${key}`,
        message: `expected a date YYYY-MM-DD${nullable ? ' or null' : ''}`,
      });
      return null;
    };
    const name = typeof item.name === 'string' && SERIES_NAME.test(item.name) ? item.name : null;
    if (name === null) problems.push({ path: `${path}.name`, message: 'expected a lowercase name' });
    else if (seen.has(name)) problems.push({ path: `${path}.name`, message: `duplicate series "${name}"` });
    if (name !== null) seen.add(name);
    const releaseId = item.releaseId;
    if (releaseId !== null && typeof releaseId !== 'string')
      problems.push({ path: `${path}.releaseId`, message: 'expected text (e.g. "2014.2") or null' });
    if (!isStatus(item.status))
      problems.push({ path: `${path}.status`, message: `expected one of ${SERIES_STATUSES.join(', ')}` });
    const initialRelease = day(item.initialRelease, 'initialRelease', false);
    const eolDate = day(item.eolDate ?? null, 'eolDate', true);
    let nextPhase: SeriesRecord['nextPhase'] = null;
    if (isRecord(item.nextPhase)) {
      if (!isStatus(item.nextPhase.status))
        problems.push({
          path: `${path}.nextPhase.status`,
          message: `expected one of ${SERIES_STATUSES.join(', ')}`,
        });
      nextPhase = {
        status: item.nextPhase.status as SeriesStatus,
        date: day(item.nextPhase.date ?? null, 'nextPhase.date', true),
      };
    } else if (item.nextPhase !== null && item.nextPhase !== undefined) {
      problems.push({ path: `${path}.nextPhase`, message: 'expected { status, date } or null' });
    }
    if (problems.length > before || name === null || initialRelease === null) return;
    series.push({
      name,
      releaseId: releaseId as string | null,
      status: item.status as SeriesStatus,
      initialRelease,
      eolDate,
      nextPhase,
    });
  });
  const snapshot = parseSnapshot(raw.snapshot, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, series, snapshot };
}

/** The optional `snapshot` of a series list: absent or null for a list without one (an older file). */
function parseSnapshot(raw: unknown, problems: Problem[]): SeriesSnapshot | null {
  if (raw === undefined || raw === null) return null;
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (!isRecord(raw) || !text(raw.commit) || !isDay(raw.date) || !text(raw.source)) {
    problems.push({ path: 'snapshot', message: 'expected { commit, date: YYYY-MM-DD, source } or null' });
    return null;
  }
  return { commit: raw.commit as string, date: raw.date, source: raw.source as string };
}

/** The end of life: the recorded date, else a dated planned transition to end of life. */
export function eolOf(series: SeriesRecord): Day | null {
  if (series.eolDate) return series.eolDate;
  const next = series.nextPhase;
  return next?.status === 'end of life' && next.date ? next.date : null;
}

/** The neighbours in release order, which bound a series' life when upstream recorded no date. */
export interface Neighbours {
  /** The previous series' release: development of this one starts then. */
  previousRelease: Day | null;
  /** The next series' release: an end-of-life series without an EOL date (austin to cactus) ended then. */
  nextRelease: Day | null;
}

/**
 * The status of `series` on `today`, in this order:
 * 1. on or after the end of life (recorded, or a dated planned one): `end of life`;
 * 2. on or after a dated `next-phase`: that phase's status (a dated start of development holds until the
 *    release);
 * 3. before the release: `future` until the previous series' release (or while the recorded status is
 *    `future`, whose start of development is then the dated next phase), `development` after it;
 * 4. from the release: the recorded status, except that a series recorded as future or in development has
 *    been released, so is `maintained`, and one recorded as end of life whose EOL is later (or unknown and
 *    the next series not yet out) was still `maintained`. A recorded `unmaintained` holds from the release
 *    on, because upstream does not record when that transition happened.
 */
export function seriesStatus(series: SeriesRecord, today: Day, neighbours: Neighbours): SeriesStatus {
  const eol = eolOf(series);
  if (eol !== null && today >= eol) return 'end of life';
  const next = series.nextPhase;
  const released = today >= series.initialRelease;
  // A dated start of development no longer holds once the series is out.
  const superseded = released && (next?.status === 'future' || next?.status === 'development');
  if (next?.date && today >= next.date && !superseded) return next.status;
  if (!released) {
    if (series.status === 'future') return 'future';
    const { previousRelease } = neighbours;
    return previousRelease !== null && today < previousRelease ? 'future' : 'development';
  }
  switch (series.status) {
    case 'future':
    case 'development':
    case 'maintained':
      return 'maintained';
    case 'unmaintained':
      return 'unmaintained';
    case 'end of life':
      if (eol !== null) return 'maintained';
      return neighbours.nextRelease !== null && today >= neighbours.nextRelease
        ? 'end of life'
        : 'maintained';
  }
}

/** Series in release order, oldest first. */
export function byRelease(list: readonly SeriesRecord[]): SeriesRecord[] {
  return [...list].sort((a, b) =>
    a.initialRelease < b.initialRelease ? -1 : a.initialRelease > b.initialRelease ? 1 : 0,
  );
}

export interface SeriesView {
  name: string;
  releaseId: string | null;
  release: Day;
  eol: Day | null;
  status: SeriesStatus;
  /** A SLURP release (Skip Level Upgrade Release Process): every 20XX.1 from 2023.1 antelope on. */
  slurp: boolean;
}

/**
 * SLURP releases can be upgraded to from the previous SLURP directly, skipping the release between: from
 * 2023.1 antelope on, the first release of each year (openstack/governance, resolution 2022-02-10).
 */
export function isSlurp(releaseId: string | null): boolean {
  const match = releaseId === null ? null : /^(\d{4})\.1$/.exec(releaseId);
  return match !== null && Number(match[1]) >= 2023;
}

/** Every series, oldest first, with its status on `today`. */
export function seriesViews(list: readonly SeriesRecord[], today: Day): SeriesView[] {
  const ordered = byRelease(list);
  return ordered.map((series, i) => ({
    name: series.name,
    releaseId: series.releaseId,
    release: series.initialRelease,
    eol: eolOf(series),
    status: seriesStatus(series, today, {
      previousRelease: ordered[i - 1]?.initialRelease ?? null,
      nextRelease: ordered[i + 1]?.initialRelease ?? null,
    }),
    slurp: isSlurp(series.releaseId),
  }));
}

export const SERIES_FILTERS = [
  'all',
  'supported',
  'maintained',
  'unmaintained',
  'eol',
  'development',
  'latest',
] as const;
export type SeriesFilter = (typeof SERIES_FILTERS)[number];

const BY_STATUS: Record<Exclude<SeriesFilter, 'latest'>, (status: SeriesStatus) => boolean> = {
  all: () => true,
  supported: (s) => s === 'development' || s === 'maintained',
  maintained: (s) => s === 'maintained',
  unmaintained: (s) => s === 'unmaintained',
  eol: (s) => s === 'end of life',
  development: (s) => s === 'development',
};

/** The newest series released on or before `today` (distro-info's "latest" of the released ones), or null. */
export function latestReleased(views: readonly SeriesView[], today: Day): SeriesView | null {
  let latest: SeriesView | null = null;
  for (const v of views)
    if (v.release <= today && (latest === null || v.release > latest.release)) latest = v;
  return latest;
}

/** The series of `views` (every series, oldest first) that pass the filter on `today`. */
export function filterSeries(views: SeriesView[], filter: SeriesFilter, today: Day): SeriesView[] {
  if (filter === 'latest') {
    const latest = latestReleased(views, today);
    return latest === null ? [] : [latest];
  }
  return views.filter((v) => BY_STATUS[filter](v.status));
}

/** Signed days from `today` to the series' release or end of life (like distro-info's `--days`), or null. */
export function seriesDays(view: SeriesView, milestone: 'release' | 'eol', today: Day): number | null {
  const day = milestone === 'release' ? view.release : view.eol;
  return day === null ? null : daysBetween(today, day);
}
