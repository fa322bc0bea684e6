// Loading a timeline: the file's text (./read.ts) → a document (JSON or YAML) → the source that reads that shape
// (src/timeline/sources/) → a validated `Timeline`, or every problem found. Sources are pure: the files they
// ask for are read here.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ParseResult } from '../timeline/parse.js';
import { parseSeriesList, type SeriesRecord } from '../timeline/series.js';
import { capped, DocumentError } from '../timeline/sources/bounds.js';
import { type ParsedDocument, parseDocument } from '../timeline/sources/document.js';
import { type SourceFiles, sourceOf, type TimelineFormat } from '../timeline/sources/index.js';
import type { Problem, Timeline } from '../timeline/types.js';
import { DataError, UsageError } from './errors.js';
import { BUNDLED_SERIES, BUNDLED_TIMELINE, DATA_DIR, fileLabel, readText, timelinePath } from './read.js';

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
      trusted: file.startsWith(DATA_DIR),
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

/** The files around `file` a source may ask for; those found are added to `inputs`. */
function filesAround(file: string, inputs: string[]): SourceFiles {
  const folder = dirname(resolve(file));
  return {
    folder: basename(folder),
    async sibling(name) {
      const label = fileLabel(join(dirname(file), name));
      const path = join(folder, name);
      if (!existsSync(path)) return { label, text: null };
      const { text } = await readText(path);
      inputs.push(path);
      return { label, text };
    },
    async neighbour(series, name) {
      const label = fileLabel(join(dirname(file), '..', series, name));
      const path = join(dirname(folder), series, name);
      // A series name, not a path: nothing outside the folder of folders is read.
      if (!/^[a-z0-9][a-z0-9-]*$/.test(series) || !existsSync(path)) return { label, text: null };
      try {
        const { text } = await readText(path);
        inputs.push(path);
        return { label, text };
      } catch (error) {
        if (error instanceof DataError) return { label, text: null };
        throw error;
      }
    },
    seriesList: () => loadSeriesList(),
  };
}

/**
 * Reads a timeline in any format and checks it, returning problems rather than throwing them; only a file that
 * cannot be read or parsed at all (including a duplicate YAML key) throws a `DataError`.
 */
export async function checkTimeline(given: string = BUNDLED_TIMELINE): Promise<CheckedTimeline> {
  const file = timelinePath(given);
  const { text, modified } = await readText(file);
  const document = await parseFileText(text, file);
  const source = sourceOf(document.value);
  const inputs = [file];
  const result = await source.read(document, filesAround(file, inputs));
  return { file, format: source.format, result, modified, inputs };
}

/** One line per problem: "juno.json: events[3].start: 2014-02-30 is not a calendar date". */
export function problemLine(file: string, problem: Problem, severity = ''): string {
  const where = [problem.file ?? fileLabel(file), problem.path, severity].filter((part) => part !== '');
  return `${where.join(': ')}: ${problem.message}`;
}

/** Reads and validates a timeline; every problem found becomes one line of the error. */
export async function loadTimeline(file: string = BUNDLED_TIMELINE): Promise<LoadedTimeline> {
  if (file === '') throw new UsageError('--timeline needs a file name', 'e.g. --timeline my-cycle.yaml');
  const checked = await checkTimeline(file);
  const { result } = checked;
  if (!result.ok) {
    const details = capped(result.problems.map((p) => problemLine(checked.file, p)));
    throw new DataError(details[0] ?? `${fileLabel(checked.file)}: invalid timeline`, details.slice(1));
  }
  const { modified, inputs } = checked;
  return { timeline: result.timeline, warnings: result.warnings, file: checked.file, modified, inputs };
}

/** The bundled series list (data/series.json). */
export async function loadSeriesList(file: string = BUNDLED_SERIES): Promise<SeriesRecord[]> {
  const { text } = await readText(file);
  const result = parseSeriesList(await parseDocumentText(text, file));
  if (!result.ok) {
    const details = result.problems.map((p) => problemLine(file, p));
    throw new DataError(details[0] as string, details.slice(1));
  }
  return result.series;
}
