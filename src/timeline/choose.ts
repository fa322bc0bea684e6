// Which series `--series` (or JUNO_SERIES) means: a name or a release id in any case, or `current`, the series in
// development on the day given. Pure: the list and the day are passed in.

import type { Day } from './day.js';
import { closestNames } from './query.js';
import { byRelease, eolOf, type SeriesRecord } from './series.js';
import { capitalise } from './text.js';

/** The word that means the series in development on today. */
export const CURRENT_SERIES = 'current';

export type SeriesChoice =
  | { ok: true; series: SeriesRecord }
  /** No series of that name or release id; `suggestions` are the closest names, best first. */
  | { ok: false; reason: 'unknown'; given: string; suggestions: string[] }
  /** `current` on a day the list knows no series in development on: the list is older than the day. */
  | { ok: false; reason: 'outdated'; today: Day };

/**
 * The series in development on `today`: the first, in release order, whose initial release is on or after
 * today (the one before it is then out already). Null on a day after the newest release the list has: the list
 * is older than that day.
 */
export function seriesInDevelopment(list: readonly SeriesRecord[], today: Day): SeriesRecord | null {
  return byRelease(list).find((s) => s.initialRelease >= today) ?? null;
}

/** The series `given` names: a name or a release id (2027.1) in any case, or `current` on `today`. */
export function resolveSeries(list: readonly SeriesRecord[], given: string, today: Day): SeriesChoice {
  const wanted = given.trim().toLowerCase();
  if (wanted === CURRENT_SERIES) {
    const current = seriesInDevelopment(list, today);
    return current ? { ok: true, series: current } : { ok: false, reason: 'outdated', today };
  }
  const found = list.find((s) => s.name === wanted || s.releaseId === wanted);
  if (found) return { ok: true, series: found };
  const names = [...list.map((s) => s.name), CURRENT_SERIES];
  return { ok: false, reason: 'unknown', given, suggestions: closestNames(names, wanted) };
}

/** "2027.1 Indri", or "Zed" for a series without a release id. */
export function seriesTitle(series: SeriesRecord): string {
  const name = capitalise(series.name);
  return series.releaseId ? `${series.releaseId} ${name}` : name;
}

/**
 * What a first run without a chosen series says on stderr, once the bundled series (Juno) is over: the series in
 * development today and how to choose it, or that the list knows none (older than today). Null while the
 * bundled series is still alive, or when the list does not have it.
 */
export function firstRunNote(
  list: readonly SeriesRecord[],
  bundled: string,
  today: Day,
  snapshot: Day | null,
): string | null {
  const own = list.find((s) => s.name === bundled);
  const eol = own ? eolOf(own) : null;
  if (!own || eol === null || today < eol) return null;
  const current = seriesInDevelopment(list, today);
  const ended = `${seriesTitle({ ...own, releaseId: null })} ended in ${eol.slice(0, 4)}`;
  if (current === null) return `warning: ${outdatedWarning(today, snapshot)}`;
  return `note: ${ended}; ${seriesTitle(current)} is in development: juno --series current`;
}

/** The data knows no series in development on `today`: as distro-info says, it is out of date. */
export function outdatedWarning(today: Day, snapshot: Day | null): string {
  const of = snapshot ? ` (openstack/releases of ${snapshot})` : '';
  return `the series data${of} knows no series in development on ${today}; juno update fetches newer data`;
}
