// Reading a timeline file: bytes → text → document (JSON or YAML) → validated `Timeline`.
// Synchronous reads: a CLI has nothing else to do meanwhile, and node:fs/promises costs start-up time to load.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseResult, parseTimeline } from '../timeline/parse.js';
import { parseSeriesList, type SeriesRecord } from '../timeline/series.js';
import { oneLine } from '../timeline/text.js';
import type { Problem, Timeline } from '../timeline/types.js';
import { DataError } from './errors.js';
import { loadYaml } from './lazy.js';

/**
 * The bundled data folder: `data/` beside `dist/` in the package (this module may sit in `dist/` or in one of
 * its chunks), or beside `src/` when run from source.
 */
const DIST = import.meta.url.lastIndexOf('/dist/');
export const DATA_DIR = fileURLToPath(
  DIST >= 0 ? `${import.meta.url.slice(0, DIST)}/data/` : new URL('../../data/', import.meta.url),
);
export const BUNDLED_TIMELINE = `${DATA_DIR}juno.json`;

export interface LoadedTimeline {
  timeline: Timeline;
  warnings: Problem[];
  /** The path as given (or the bundled file's), for messages. */
  file: string;
  /** Modification time of the file, a fallback for export time stamps. */
  modified: Date;
}

/** Where in a file a problem is, for messages: "juno.json: events[3].start". */
export function fileLabel(file: string): string {
  return oneLine(file.startsWith(DATA_DIR) ? basename(file) : file);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** A parsed document, and where a node of it sits in the text (YAML only). */
export interface ParsedDocument {
  value: unknown;
  lineOf: ((path: (string | number)[]) => number | null) | null;
}

async function parseYaml(text: string, label: string): Promise<ParsedDocument> {
  const { parseDocument, isNode } = await loadYaml();
  // uniqueKeys: a duplicate key silently loses data, so it is an error. maxAliasCount bounds alias expansion.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const where = e.pos ? `${lineAndColumn(text, e.pos[0])}: ` : '';
      return `${label}: ${where}${oneLine(e.message)}`;
    });
    throw new DataError(lines[0] as string, lines.slice(1));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new DataError(`${label}: cannot be read as YAML: ${oneLine((error as Error).message)}`);
  }
  const lineOf = (path: (string | number)[]): number | null => {
    const node = doc.getIn(path, true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    return offset === undefined ? null : text.slice(0, offset).split('\n').length;
  };
  return { value, lineOf };
}

function isYaml(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return true;
  if (ext === '.json') return false;
  return !/^\s*[[{]/.test(text);
}

/** Parses a document, JSON or YAML by extension (or by its first character when the extension says neither). */
export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  return (await parseDocumentWithLines(text, file)).value;
}

async function parseDocumentWithLines(text: string, file: string): Promise<ParsedDocument> {
  const label = fileLabel(file);
  if (isYaml(file, text)) return parseYaml(text, label);
  try {
    return { value: JSON.parse(text), lineOf: null };
  } catch (error) {
    const message = oneLine((error as Error).message).replace(/, \.{0,3}".*" is not valid JSON$/, '');
    // V8 does not always say where; yaml (a JSON superset) usually can.
    const { parseDocument } = await loadYaml();
    const doc = parseDocument(text, { prettyErrors: false });
    const pos = doc.errors[0]?.pos?.[0];
    const at = pos !== undefined ? ` (${lineAndColumn(text, pos)})` : '';
    throw new DataError(`${label}: not valid JSON${at}: ${message}`);
  }
}

export async function readText(file: string): Promise<{ text: string; modified: Date }> {
  const label = fileLabel(file);
  let bytes: Buffer;
  let modified: Date;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new DataError(`${label}: is a folder, not a timeline file`);
    bytes = readFileSync(file);
    modified = info.mtime;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : oneLine((error as Error).message);
    throw new DataError(
      `${label}: cannot read the timeline: ${reason}`,
      [],
      'check the path given to --timeline',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DataError(`${label}: is not UTF-8 text`);
  }
  if (text.includes('\u0000')) throw new DataError(`${label}: holds NUL bytes; a timeline is text`);
  if (text.trim() === '') throw new DataError(`${label}: is empty`);
  return { text, modified };
}

/** A timeline file read and checked: the timeline, or every problem, and the warnings either way. */
export interface CheckedTimeline {
  file: string;
  /** juno's own format, or an openstack/releases schedule.yaml recognised by its shape. */
  format: 'juno' | 'upstream';
  result: ParseResult;
  modified: Date;
}

/**
 * Reads a timeline in either format and checks it, returning problems rather than throwing them; only a file
 * that cannot be read or parsed at all (including a duplicate YAML key) throws a `DataError`.
 */
export async function checkTimeline(file: string = BUNDLED_TIMELINE): Promise<CheckedTimeline> {
  const { text, modified } = await readText(file);
  const { value, lineOf } = await parseDocumentWithLines(text, file);
  // Loaded only for upstream files; the shape test is repeated here so that juno files never load it.
  const upstreamShape =
    typeof value === 'object' && value !== null && Array.isArray((value as { cycle?: unknown }).cycle);
  const upstream = upstreamShape ? await import('../timeline/upstream.js') : null;
  if (!upstream?.isUpstreamSchedule(value)) {
    return { file, format: 'juno', result: parseTimeline(value), modified };
  }
  const { readUpstreamSchedule } = upstream;
  const folder = dirname(resolve(file));
  const rstPath = join(folder, 'schedule.rst');
  const rstLabel = fileLabel(join(dirname(file), 'schedule.rst'));
  let rst: { text: string; file: string } | null = null;
  const warnings: Problem[] = [];
  if (existsSync(rstPath)) {
    rst = { text: (await readText(rstPath)).text, file: rstLabel };
  } else {
    warnings.push({
      file: rstLabel,
      path: '',
      message:
        'no such file beside the schedule; events are named from their labels and dated by their weeks',
    });
  }
  const seriesList = await loadSeriesList();
  const result = readUpstreamSchedule({
    doc: value,
    series: basename(folder),
    rst,
    seriesList,
    ...(lineOf ? { lineOf } : {}),
  });
  return {
    file,
    format: 'upstream',
    result: { ...result, warnings: [...warnings, ...result.warnings] },
    modified,
  };
}

/** One line per problem: "juno.json: events[3].start: 2014-02-30 is not a calendar date". */
export function problemLine(file: string, problem: Problem, severity = ''): string {
  const where = [problem.file ?? fileLabel(file), problem.path, severity].filter((part) => part !== '');
  return `${where.join(': ')}: ${problem.message}`;
}

/** Reads and validates a timeline; every problem found becomes one line of the error. */
export async function loadTimeline(file: string = BUNDLED_TIMELINE): Promise<LoadedTimeline> {
  const { result, modified } = await checkTimeline(file);
  if (!result.ok) {
    const details = result.problems.map((p) => problemLine(file, p));
    throw new DataError(details[0] ?? `${fileLabel(file)}: invalid timeline`, details.slice(1));
  }
  return { timeline: result.timeline, warnings: result.warnings, file, modified };
}

export const BUNDLED_SERIES = `${DATA_DIR}series.json`;

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
