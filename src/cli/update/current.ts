// The data in use before an update, to say what the update changes and to tell a schedule that vanished upstream
// from one never published: chosen exactly as every other command chooses it (../load.ts), the update data in the
// cache where it is valid, else the bundled data.
import type { SeriesSnapshot } from '../../timeline/series.js';
import type { Timeline } from '../../timeline/types.js';
import { loadSchedule, loadSeriesData, userDataFolder } from '../load.js';
import type { DataSide } from './changes.js';

export interface CurrentData extends DataSide {
  /** The update data's folder, or null when the bundled data is in use. */
  updated: string | null;
  snapshot: SeriesSnapshot | null;
}

/** The data in use: the series list `loadSeriesData` chooses, and each schedule `loadSchedule` chooses. */
export async function currentData(env: NodeJS.ProcessEnv): Promise<CurrentData> {
  const list = await loadSeriesData(env);
  const schedules = new Map<string, Timeline>();
  for (const { name } of list.series) {
    const schedule = await loadSchedule(name, env);
    if (schedule) schedules.set(name, schedule.timeline);
  }
  return {
    series: list.series,
    schedules,
    snapshot: list.snapshot,
    updated: list.updated ? userDataFolder(env) : null,
  };
}
