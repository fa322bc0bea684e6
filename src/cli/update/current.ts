// The data in use before an update, to say what the update changes and to tell a schedule that vanished upstream
// from one never published: the update data in the cache where it is valid, else the bundled data.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSeriesList, type SeriesRecord, type SeriesSnapshot } from '../../timeline/series.js';
import { readBundled } from '../../timeline/sources/bundled.js';
import type { Timeline } from '../../timeline/types.js';
import { DataError } from '../errors.js';
import { parseDocumentText } from '../load.js';
import { DATA_DIR, readText } from '../read.js';
import { type CacheFolder, isPrivateDir } from '../startup/code-cache.js';
import type { DataSide } from './changes.js';
import { DATA_FOLDER } from './store.js';

export interface CurrentData extends DataSide {
  /** The update data's folder, or null when the bundled data is in use. */
  updated: string | null;
  snapshot: SeriesSnapshot | null;
}

/** A schedule file read as the bundled source reads it, or null when it is missing or unusable. */
async function readSchedule(file: string): Promise<Timeline | null> {
  if (!existsSync(file)) return null;
  try {
    const read = readBundled(await parseDocumentText((await readText(file)).text, file));
    return read.ok ? read.timeline : null;
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/**
 * The data in use, as `loadSeriesData` and `loadSeries` (../load.ts) choose it: the update data's series list when
 * its folder is private and the list valid, else the bundled one; each schedule from the update data when it has
 * a usable one, else the bundled one.
 */
export async function currentData(cache: CacheFolder | null): Promise<CurrentData> {
  const folder = cache ? join(cache.dir, DATA_FOLDER) : null;
  const trusted = folder !== null && isPrivateDir(dirname(folder)) && isPrivateDir(folder);
  const listFile = trusted ? join(folder, 'series.json') : null;
  let list = listFile && existsSync(listFile) ? await readList(listFile) : null;
  const updated = list ? folder : null;
  list ??= await readList(`${DATA_DIR}series.json`);
  if (!list) throw new DataError(`${DATA_DIR}series.json: the bundled series list cannot be read`);
  const schedules = new Map<string, Timeline>();
  for (const { name } of list.series) {
    const own = trusted ? await readSchedule(join(folder, 'series', `${name}.json`)) : null;
    const timeline = own ?? (await readSchedule(`${DATA_DIR}series/${name}.json`));
    if (timeline) schedules.set(name, timeline);
  }
  return { series: list.series, schedules, snapshot: list.snapshot, updated };
}

/** A series list file, or null when it cannot be used. */
async function readList(
  file: string,
): Promise<{ series: SeriesRecord[]; snapshot: SeriesSnapshot | null } | null> {
  try {
    const list = parseSeriesList(await parseDocumentText((await readText(file)).text, file));
    return list.ok ? list : null;
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}
