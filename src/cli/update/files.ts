// The files of a data folder, from what the importer read: `series.json` (the series list with the snapshot it
// came from) and `series/<name>.json` for each series with a week-by-week schedule, in the bundled shapes.
import { revise } from '../../timeline/revise.js';
import type { SeriesRecord, SeriesSnapshot } from '../../timeline/series.js';
import { serializeBundled } from '../../timeline/sources/bundled.js';
import type { ImportedSchedule } from '../../timeline/sources/upstream/releases.js';
import type { Timeline } from '../../timeline/types.js';

/** The series list as data/series.json holds it: one series to a line, newest first. */
export function serializeSeriesList(series: readonly SeriesRecord[], snapshot: SeriesSnapshot): string {
  const entry = (s: SeriesRecord) =>
    Object.entries(s)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ');
  const lines = series.map((s) => `    { ${entry(s)} }`);
  return [
    '{',
    `  "source": "openstack/releases data/series_status.yaml",`,
    `  "snapshot": ${JSON.stringify(snapshot)},`,
    '  "series": [',
    lines.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

/**
 * Every file of the data: relative path → text. Each schedule carries its revision (see timeline/revise.ts): what
 * changed from the data in use (`before`; none for a first import) is stamped with the snapshot's date.
 */
export function dataFiles(
  series: readonly SeriesRecord[],
  schedules: readonly ImportedSchedule[],
  snapshot: SeriesSnapshot,
  before: ReadonlyMap<string, Timeline> = new Map(),
): Map<string, string> {
  const files = new Map<string, string>();
  files.set('series.json', serializeSeriesList(series, snapshot));
  for (const { series: name, timeline } of schedules)
    files.set(
      `series/${name}.json`,
      serializeBundled(revise(before.get(name) ?? null, timeline, snapshot.date)),
    );
  return files;
}
