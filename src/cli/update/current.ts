// The data in use before an update, to say what the update changes and to tell a schedule that vanished upstream
// from one never published: the update data in the cache when there is a valid one, else the bundled data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeriesList, type SeriesSnapshot } from '../../timeline/series.js';
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

/** The data of one folder (series.json and series/<name>.json), or null when its series list is unusable. */
async function readFolder(folder: string): Promise<Omit<CurrentData, 'updated'> | null> {
  const listFile = join(folder, 'series.json');
  try {
    const list = parseSeriesList(await parseDocumentText((await readText(listFile)).text, listFile));
    if (!list.ok) return null;
    const schedules = new Map<string, Timeline>();
    for (const { name } of list.series) {
      const file = join(folder, 'series', `${name}.json`);
      if (!existsSync(file)) continue;
      const read = readBundled(await parseDocumentText((await readText(file)).text, file));
      if (read.ok) schedules.set(name, read.timeline);
    }
    return { series: list.series, schedules, snapshot: list.snapshot };
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
}

/** The data in use: the update data when its folder is private and its list valid, else the bundled data. */
export async function currentData(cache: CacheFolder | null): Promise<CurrentData> {
  const folder = cache ? join(cache.dir, DATA_FOLDER) : null;
  if (folder && isPrivateDir(folder)) {
    const updated = await readFolder(folder);
    if (updated) return { ...updated, updated: folder };
  }
  const bundled = await readFolder(DATA_DIR);
  if (!bundled) throw new DataError(`${DATA_DIR}series.json: the bundled series list cannot be read`);
  return { ...bundled, updated: null };
}
