// A whole openstack/releases repository read the way juno bundles it: the series list (data/series_status.yaml)
// and each series' schedule (doc/source/<series>/schedule.yaml with its schedule.rst and its neighbours' pages),
// without upstream's prose. Pure: `read` fetches a repository file by its path, from a checkout on disk or from a
// base URL, and answers null for a file the repository does not have. `npm run data` and `juno update` both
// import through here, so the bundled data and an update are read by the same code.
import { isDay, utcDayOf } from '../../day.js';
import { isRecord } from '../../fields.js';
import type { ParseResult } from '../../parse.js';
import { isStatus, SERIES_NAME, SERIES_STATUSES, type SeriesRecord } from '../../series.js';
import type { Problem, Timeline } from '../../types.js';
import { DocumentError } from '../bounds.js';
import { parseDocument } from '../document.js';
import type { SourceFiles } from '../source.js';
import { isUpstreamSchedule, readUpstreamDocument } from './index.js';

/** A repository file's text by its path (`data/series_status.yaml`), or null when there is no such file. */
export type ReadRepositoryFile = (path: string) => Promise<string | null>;

export const SERIES_STATUS_PATH = 'data/series_status.yaml';
export const schedulePath = (series: string, file = 'schedule.yaml') => `doc/source/${series}/${file}`;

/**
 * The coordinated release ids of the series before liberty, from their release tags: series_status.yaml gives
 * ids only from antelope on, and none were used from liberty to zed, when each project versioned itself.
 */
const EARLY_RELEASE_IDS: Readonly<Record<string, string>> = {
  austin: '2010.1',
  bexar: '2011.1',
  cactus: '2011.2',
  diablo: '2011.3',
  essex: '2012.1',
  folsom: '2012.2',
  grizzly: '2013.1',
  havana: '2013.2',
  icehouse: '2014.1',
  juno: '2014.2',
  kilo: '2015.1',
};

/** A series and the timeline read from its schedule. */
export interface ImportedSchedule {
  series: string;
  timeline: Timeline;
  /** The files read for it, the schedule first: for messages. */
  files: string[];
}

export type ImportResult =
  | {
      ok: true;
      /** Every series, newest first, as upstream lists them. */
      series: SeriesRecord[];
      /** The series with a week-by-week schedule upstream (not austin … newton), in the order of `series`. */
      schedules: ImportedSchedule[];
      /** The series the list has without a schedule.yaml: they answer from the list alone. */
      unscheduled: string[];
    }
  | { ok: false; problems: Problem[] };

/** A YAML date (read as text by juno's YAML reader, or as a Date by a plain one) as a day, or null. */
function dayOf(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return utcDayOf(value);
  return isDay(value) ? value : null;
}

/** One entry of data/series_status.yaml as a series record, or the first problem of it. */
function seriesEntry(item: unknown, path: string, file: string): SeriesRecord | Problem {
  const problem = (key: string, message: string): Problem => ({ file, path: `${path}${key}`, message });
  if (!isRecord(item)) return problem('', 'expected a series');
  const name = typeof item.name === 'string' && SERIES_NAME.test(item.name) ? item.name : null;
  if (name === null) return problem('.name', 'expected a lowercase name');
  const initialRelease = dayOf(item['initial-release']);
  if (initialRelease === null) return problem('.initial-release', 'expected a date YYYY-MM-DD');
  if (!isStatus(item.status)) return problem('.status', `expected one of ${SERIES_STATUSES.join(', ')}`);
  const eolGiven = item['eol-date'];
  const eolDate = eolGiven === undefined || eolGiven === null ? null : dayOf(eolGiven);
  if (eolGiven !== undefined && eolGiven !== null && eolDate === null)
    return problem('.eol-date', 'expected a date YYYY-MM-DD');
  const releaseGiven = item['release-id'];
  const releaseId =
    releaseGiven === undefined || releaseGiven === null
      ? (EARLY_RELEASE_IDS[name] ?? null)
      : /^\d{4}\.\d$/.test(String(releaseGiven))
        ? String(releaseGiven)
        : null;
  if (releaseGiven !== undefined && releaseGiven !== null && releaseId === null)
    return problem('.release-id', 'expected a release id like 2027.1');
  let nextPhase: SeriesRecord['nextPhase'] = null;
  const next = item['next-phase'];
  if (isRecord(next)) {
    if (!isStatus(next.status))
      return problem('.next-phase.status', `expected one of ${SERIES_STATUSES.join(', ')}`);
    const date = next.date === undefined || next.date === null ? null : dayOf(next.date);
    if (next.date !== undefined && next.date !== null && date === null)
      return problem('.next-phase.date', 'expected a date YYYY-MM-DD');
    nextPhase = { status: next.status, date };
  } else if (next !== undefined && next !== null) {
    return problem('.next-phase', 'expected { status, date }');
  }
  return { name, releaseId, status: item.status, initialRelease, eolDate, nextPhase };
}

/** data/series_status.yaml as series records, or every problem, each with its path. */
export function readSeriesStatus(
  raw: unknown,
  file = SERIES_STATUS_PATH,
): { ok: true; series: SeriesRecord[] } | { ok: false; problems: Problem[] } {
  if (!Array.isArray(raw))
    return { ok: false, problems: [{ file, path: '', message: 'expected a list of series' }] };
  const problems: Problem[] = [];
  const series: SeriesRecord[] = [];
  for (const [i, item] of (raw as unknown[]).entries()) {
    const entry = seriesEntry(item, `[${i}]`, file);
    if ('message' in entry) problems.push(entry);
    else if (series.some((s) => s.name === entry.name))
      problems.push({ file, path: `[${i}].name`, message: `duplicate series "${entry.name}"` });
    else series.push(entry);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, series };
}

/** A repository file parsed as YAML; a file that is not YAML at all is one problem naming it. */
async function parseFile(text: string, file: string): Promise<{ value: ParsedDocumentValue } | Problem> {
  try {
    return { value: await parseDocument(text, { label: file, extension: '.yaml', trusted: false }) };
  } catch (error) {
    if (error instanceof DocumentError) return { file, path: '', message: error.message };
    throw error;
  }
}
type ParsedDocumentValue = Awaited<ReturnType<typeof parseDocument>>;

/** Where a problem is, with the file it is in. */
const inFile = (file: string, problems: Problem[]): Problem[] =>
  problems.map((problem) => ({ ...problem, file: problem.file ?? file }));

/** One series' schedule, read like `--timeline doc/source/<series>/schedule.yaml`, prose left out. */
async function importSchedule(
  series: string,
  text: string,
  read: ReadRepositoryFile,
  list: readonly SeriesRecord[],
): Promise<{ result: ParseResult; files: string[] } | Problem[]> {
  const file = schedulePath(series);
  const parsed = await parseFile(text, file);
  if (!('value' in parsed)) return [parsed];
  if (!isUpstreamSchedule(parsed.value.value))
    return [{ file, path: '', message: 'not an openstack/releases schedule (no cycle of weeks)' }];
  const files = [file];
  const fetch = async (path: string) => {
    const found = await read(path);
    if (found !== null) files.push(path);
    return { label: path, text: found };
  };
  const around: SourceFiles = {
    folder: series,
    sibling: (name) => fetch(schedulePath(series, name)),
    neighbour: (other, name) =>
      // A series name, not a path: nothing outside doc/source is asked for.
      /^[a-z0-9][a-z0-9-]*$/.test(other)
        ? fetch(schedulePath(other, name))
        : Promise.resolve({ label: other, text: null }),
    seriesList: async () => list,
  };
  return { result: await readUpstreamDocument(parsed.value, around, { prose: false }), files };
}

/**
 * Every series of the repository and each one's schedule, or every problem found, each naming its file. A series
 * whose schedule.yaml is missing (austin … newton, or one upstream has not scheduled yet) has no schedule: that is
 * not a problem. Juno keeps juno's own hand-curated timeline, so its schedule is never asked for.
 */
export async function importReleases(read: ReadRepositoryFile): Promise<ImportResult> {
  const statusText = await read(SERIES_STATUS_PATH);
  if (statusText === null)
    return { ok: false, problems: [{ file: SERIES_STATUS_PATH, path: '', message: 'no such file' }] };
  const status = await parseFile(statusText, SERIES_STATUS_PATH);
  if (!('value' in status)) return { ok: false, problems: [status] };
  const listed = readSeriesStatus(status.value.value);
  if (!listed.ok) return listed;
  const { series } = listed;
  const problems: Problem[] = [];
  const schedules: ImportedSchedule[] = [];
  const unscheduled: string[] = [];
  for (const { name } of series) {
    const text = name === 'juno' ? null : await read(schedulePath(name));
    if (text === null) {
      unscheduled.push(name);
      continue;
    }
    const imported = await importSchedule(name, text, read, series);
    if (Array.isArray(imported)) problems.push(...imported);
    else if (!imported.result.ok) problems.push(...inFile(schedulePath(name), imported.result.problems));
    else schedules.push({ series: name, timeline: imported.result.timeline, files: imported.files });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, series, schedules, unscheduled };
}
