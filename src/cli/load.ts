// Loading a timeline: the file's text (./read.ts) → a document (JSON or YAML) → the source that reads that shape
// (src/timeline/sources/) → a validated `Timeline`, or every problem found. Sources are pure: the files they
// ask for are read here.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ParseResult } from '../timeline/parse.js';
import { parseSeriesList, type SeriesRecord, type SeriesSnapshot } from '../timeline/series.js';
import { capped, DocumentError } from '../timeline/sources/bounds.js';
import { listedTimeline } from '../timeline/sources/bundled.js';
import { type ParsedDocument, parseDocument } from '../timeline/sources/document.js';
import { type SourceFiles, sourceOf, type TimelineFormat } from '../timeline/sources/index.js';
import { oneLine } from '../timeline/text.js';
import type { Problem, Timeline } from '../timeline/types.js';
import { DataError, UsageError } from './errors.js';
import {
  BUNDLED_SERIES,
  BUNDLED_TIMELINE,
  DATA_DIR,
  fileLabel,
  isJunoData,
  readText,
  timelinePath,
} from './read.js';
import { isPrivateDir, userCacheFolder } from './startup/code-cache.js';
import { markAtypical } from './startup/typical.js';
import { CACHEABLE_TEXT, type CachedInput, type TimelineCache, timelineCache } from './timeline-cache.js';

/** The series data/juno.json is the hand-curated timeline of. */
const BUNDLED_SERIES_NAME = 'juno';

export interface LoadedTimeline {
  timeline: Timeline;
  warnings: Problem[];
  /** The file read: the path as given, a folder's schedule.yaml, or the bundled file; for messages. */
  file: string;
  /** Modification time of the file, a fallback for export time stamps. */
  modified: Date;
  /** Every file read for the timeline, the timeline first (schedule.rst beside it, …): what export stamps from. */
  inputs: string[];
}

/** Parses a file's text as a document; a document that cannot be read at all is a `DataError`. */
async function parseFileText(text: string, file: string): Promise<ParsedDocument> {
  try {
    return await parseDocument(text, {
      label: fileLabel(file),
      extension: extname(file).toLowerCase(),
      trusted: isJunoData(file),
    });
  } catch (error) {
    if (error instanceof DocumentError) throw new DataError(error.message, error.details, error.hint);
    throw error;
  }
}

/**
 * Parses a document, JSON or YAML by extension (or by its first character when the extension says neither).
 * Every failure is a `DataError` naming the file and the place.
 */
export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  return (await parseFileText(text, file)).value;
}

/** A timeline file read and checked: the timeline, or every problem, and the warnings either way. */
export interface CheckedTimeline {
  file: string;
  /** juno's own format, or an openstack/releases schedule.yaml recognised by its shape. */
  format: TimelineFormat;
  result: ParseResult;
  modified: Date;
  /** Every file read, the timeline first. */
  inputs: string[];
}

/**
 * A file an import asks for, as it reads it: the text, or null when there is none. The timeline's own page
 * (`sibling`) must be readable; a neighbour's page that cannot be read counts as none. The cache of imports checks
 * its files with this same function (`unchangedInput`).
 */
async function importText(path: string, kind: 'sibling' | 'neighbour'): Promise<string | null> {
  if (!existsSync(path)) return null;
  try {
    return (await readText(path)).text;
  } catch (error) {
    if (kind === 'neighbour' && error instanceof DataError) return null;
    throw error;
  }
}

/**
 * The files around `file` a source may ask for; those found are added to `inputs`, and every file asked for, with
 * the text it had or null, to `seen` (what an import was made from, for the cache).
 */
function filesAround(
  file: string,
  inputs: string[],
  seen: CachedInput[],
  env: NodeJS.ProcessEnv,
): SourceFiles {
  const folder = dirname(resolve(file));
  const asked = async (path: string, kind: 'sibling' | 'neighbour') => {
    const text = await importText(path, kind);
    if (text !== null) inputs.push(path);
    seen.push({ path, text, kind });
    return text;
  };
  return {
    folder: basename(folder),
    async sibling(name) {
      const path = join(folder, name);
      return { label: fileLabel(join(dirname(file), name)), text: await asked(path, 'sibling') };
    },
    async neighbour(series, name) {
      const label = fileLabel(join(dirname(file), '..', series, name));
      // A series name, not a path: nothing outside the folder of folders is read.
      if (!/^[a-z0-9][a-z0-9-]*$/.test(series)) return { label, text: null };
      return { label, text: await asked(join(dirname(folder), series, name), 'neighbour') };
    },
    async seriesList() {
      const data = await loadSeriesData(env);
      seen.push({ path: data.file, text: data.text, kind: 'series-list' });
      return data.series;
    },
  };
}

/**
 * True when a file an import read would read the same now, as the import reads it: its page or a neighbour's
 * (`importText`), or the series list `loadSeriesData` chooses (the update data's, or the bundled one when that is
 * missing or damaged; the list is parsed only when the choice is not the one the import made).
 */
async function unchangedInput(input: CachedInput, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    if (input.kind !== 'series-list') return (await importText(input.path, input.kind)) === input.text;
    const choice = updatedSeriesFile(env) ?? BUNDLED_SERIES;
    if (choice === input.path) return (await readText(choice)).text === input.text;
    const data = await loadSeriesData(env);
    return data.file === input.path && data.text === input.text;
  } catch {
    return false;
  }
}

/** The cache of imported upstream schedules for this environment (./timeline-cache.ts); null without one. */
export const importCache = (env: NodeJS.ProcessEnv, build?: string): TimelineCache | null =>
  timelineCache(env, (input) => unchangedInput(input, env), build);

/**
 * Reads a timeline in any format and checks it, returning problems rather than throwing them; only a file that
 * cannot be read or parsed at all (including a duplicate YAML key) throws a `DataError`. With a `cache`, what it
 * keeps (`keeps`) is not read and checked again while its files read the same.
 */
export async function checkTimeline(
  given: string = BUNDLED_TIMELINE,
  env: NodeJS.ProcessEnv = process.env,
  cache: TimelineCache | null = null,
): Promise<CheckedTimeline> {
  const file = timelinePath(given);
  const read = await readDocument(file, given, cache);
  const { modified } = read;
  if (read.kept)
    return { file, format: read.kept.source, result: read.kept.result, modified, inputs: read.kept.read };
  const source = sourceOf(read.document.value);
  const inputs = [file];
  const seen: CachedInput[] = [];
  const result = await source.read(read.document, filesAround(file, inputs, seen, env));
  // An import, or juno's own data checked (`keeps`). Kept, it is work the next runs skip: this run is no model
  // for their code cache.
  if (cache !== null && read.text !== null && keeps(file, source.format) && result.ok) {
    const record = {
      given,
      file,
      text: read.text,
      inputs: seen,
      read: inputs,
      source: source.format,
      result,
    };
    if (cache.keep(record)) markAtypical();
  }
  return { file, format: source.format, result, modified, inputs };
}

/**
 * What the cache keeps: an import of an upstream schedule (a YAML parser, the page beside it, and matching the two:
 * some 20 ms), and a timeline of juno's own data folder checked (reading and checking the bundled Juno timeline or a
 * series' schedule is about a fifth of `juno next`). A timeline of the user's own is checked at every read.
 */
function keeps(file: string, format: TimelineFormat): boolean {
  return format === 'upstream' || isJunoData(file);
}

/**
 * A file read, and either what the cache kept of it or its parsed document. The text is let go once parsed (a
 * large timeline's text, two bytes a character when it holds any beyond Latin-1, would otherwise stay alive while
 * the timeline is built from the document), except a small one the cache may keep.
 */
async function readDocument(
  file: string,
  given: string,
  cache: TimelineCache | null,
): Promise<
  | {
      kept: { result: ParseResult; read: string[]; source: TimelineFormat };
      modified: Date;
      document?: never;
      text?: never;
    }
  | { kept?: never; document: ParsedDocument; modified: Date; text: string | null }
> {
  const { text, modified } = await readText(file);
  const kept = cache === null ? null : await cache.find(given, file, text);
  if (kept !== null) return { kept, modified };
  const small = cache !== null && text.length <= CACHEABLE_TEXT ? text : null;
  return { document: await parseFileText(text, file), modified, text: small };
}

/** One line per problem: "juno.json: events[3].start: 2014-02-30 is not a calendar date". */
export function problemLine(file: string, problem: Problem, severity = ''): string {
  const where = [problem.file ?? fileLabel(file), problem.path, severity].filter((part) => part !== '');
  return `${where.join(': ')}: ${problem.message}`;
}

/**
 * Reads and validates a timeline; every problem found becomes one line of the error. With a `cache`, an upstream
 * schedule imported before, or juno's own data checked before, is not read again while its files read the same.
 */
export async function loadTimeline(
  file: string = BUNDLED_TIMELINE,
  env: NodeJS.ProcessEnv = process.env,
  cache: TimelineCache | null = null,
): Promise<LoadedTimeline> {
  if (file === '') throw new UsageError('--timeline needs a file name', 'e.g. --timeline my-cycle.yaml');
  const checked = await checkTimeline(file, env, cache);
  const { result } = checked;
  if (!result.ok) {
    const details = capped(result.problems.map((p) => problemLine(checked.file, p)));
    throw new DataError(details[0] ?? `${fileLabel(checked.file)}: invalid timeline`, details.slice(1));
  }
  const { modified, inputs } = checked;
  return { timeline: result.timeline, warnings: result.warnings, file: checked.file, modified, inputs };
}

/** The series list in use and where it came from, for `juno series --about` and the outdated-data warning. */
export interface SeriesData {
  series: SeriesRecord[];
  snapshot: SeriesSnapshot | null;
  /** The file read: data/series.json, or the copy `juno update` wrote. */
  file: string;
  /** True when the list is the one `juno update` wrote, not the bundled one. */
  updated: boolean;
  /** Modification time of the file, a fallback for export time stamps. */
  modified: Date;
  /** The file's text, which an import kept in the cache is checked against (./timeline-cache.ts). */
  text: string;
}

/** The folder in the cache folder that holds `juno update`'s data. */
export const DATA_FOLDER = 'data';

/**
 * The folder `juno update` writes its data into: `<cache>/data`, in the code cache's folder; null without one.
 * juno reads it only while it and the cache folder are this user's own and private (`userDataFile`).
 */
export function userDataFolder(env: NodeJS.ProcessEnv): string | null {
  const cache = userCacheFolder(env);
  return cache === null ? null : join(cache.dir, DATA_FOLDER);
}

/** A file of the update data when the folder is trusted and the file is there; else null. */
function userDataFile(path: string, env: NodeJS.ProcessEnv): string | null {
  const folder = userDataFolder(env);
  if (folder === null || !isPrivateDir(dirname(folder)) || !isPrivateDir(folder)) return null;
  const file = join(folder, path);
  return existsSync(file) ? file : null;
}

/** The series list `juno update` wrote, when it is there in a trusted folder; else null (the bundled one is used). */
export const updatedSeriesFile = (env: NodeJS.ProcessEnv): string | null => userDataFile('series.json', env);

/** Reads a series list file with its snapshot. */
async function readSeriesData(file: string, env: NodeJS.ProcessEnv): Promise<SeriesData> {
  const { text, modified } = await readText(file);
  const found = { file, updated: file !== BUNDLED_SERIES, modified, text };
  // The bundled list is checked once and kept, like juno's other data (`keeps`).
  const cache = isJunoData(file) ? importCache(env) : null;
  const kept = cache === null ? null : await cache.findList(file, text);
  if (kept !== null) return { ...kept, ...found };
  const result = parseSeriesList(await parseDocumentText(text, file));
  if (!result.ok) {
    const details = result.problems.map((p) => problemLine(file, p));
    throw new DataError(details[0] as string, details.slice(1));
  }
  const { series, snapshot } = result;
  if (cache?.keepList(file, text, { series, snapshot })) markAtypical();
  return { series, snapshot, ...found };
}

/**
 * The series list in use with its snapshot: the one `juno update` wrote when it is there and valid; else the
 * bundled data/series.json.
 */
export async function loadSeriesData(env: NodeJS.ProcessEnv): Promise<SeriesData> {
  const updated = updatedSeriesFile(env);
  if (updated !== null) {
    try {
      return await readSeriesData(updated, env);
    } catch (error) {
      // Damaged update data is not used: the bundled list answers.
      if (!(error instanceof DataError)) throw error;
    }
  }
  return readSeriesData(BUNDLED_SERIES, env);
}

/** The series list in use: the update data's, else the bundled data/series.json. */
export async function loadSeriesList(env: NodeJS.ProcessEnv): Promise<SeriesRecord[]> {
  return (await loadSeriesData(env)).series;
}

/** The bundled schedule of a series, `data/series/<name>.json`. */
const bundledSeriesFile = (name: string) => `${DATA_DIR}series/${name}.json`;

/**
 * A series' week-by-week schedule: the one `juno update` wrote when it is there and valid, else the bundled one;
 * null when there is neither (a series known from the list alone, or juno, whose timeline is data/juno.json).
 */
export async function loadSchedule(name: string, env: NodeJS.ProcessEnv): Promise<LoadedTimeline | null> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return null;
  const updated = userDataFile(`series/${name}.json`, env);
  if (updated !== null) {
    try {
      const loaded = await loadTimeline(updated);
      if (loaded.timeline.series === name) return loaded;
    } catch (error) {
      // Damaged update data is not used: the bundled schedule answers.
      if (!(error instanceof DataError)) throw error;
    }
  }
  const bundled = bundledSeriesFile(name);
  return existsSync(bundled) ? loadTimeline(bundled, env, importCache(env)) : null;
}

/**
 * One series' timeline, `name` already resolved (`--series`): juno is its hand-curated data/juno.json; another
 * series is the schedule `juno update` wrote when it is there and valid, else the bundled one; a series without a
 * week-by-week schedule (austin … newton) is its release and end of life from the series list. Only that one
 * small file is read (the series list too for a series without a schedule: `seriesData`, which a caller that has
 * read it already passes).
 */
export async function loadSeries(
  name: string,
  env: NodeJS.ProcessEnv,
  seriesData: () => Promise<SeriesData> = () => loadSeriesData(env),
): Promise<LoadedTimeline> {
  if (name === BUNDLED_SERIES_NAME) return loadTimeline(BUNDLED_TIMELINE, env, importCache(env));
  const schedule = await loadSchedule(name, env);
  if (schedule !== null) return schedule;
  const data = await seriesData();
  const listed = listedTimeline(data.series, name);
  // Revised when the list was: its snapshot's date (calendars carry it as DTSTAMP and LAST-MODIFIED).
  const timeline = listed === null ? null : { ...listed, updated: data.snapshot?.date ?? null };
  if (timeline === null)
    throw new DataError(
      `${fileLabel(data.file)}: no series "${oneLine(name)}"`,
      [],
      'juno series lists them',
    );
  return { timeline, warnings: [], file: data.file, modified: data.modified, inputs: [data.file] };
}
