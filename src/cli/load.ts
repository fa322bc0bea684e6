// Reading a timeline file: bytes → text → document (JSON or YAML) → validated `Timeline`.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeline } from '../timeline/parse.js';
import { oneLine } from '../timeline/text.js';
import type { Problem, Timeline } from '../timeline/types.js';
import { DataError } from './errors.js';
import { loadYaml } from './lazy.js';

/**
 * The bundled data folder: `data/` beside `dist/` in the package, or beside `src/` when run from source. Found
 * from the `dist/` part of the path, because the bundler may place this module in `dist/` or in `dist/chunks/`.
 */
const DIST = import.meta.url.lastIndexOf('/dist/');
export const DATA_DIR = fileURLToPath(
  DIST >= 0 ? new URL('data/', import.meta.url.slice(0, DIST + 1)) : new URL('../../data/', import.meta.url),
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
  return oneLine(file === BUNDLED_TIMELINE ? basename(file) : file);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

async function parseYaml(text: string, label: string): Promise<unknown> {
  const { parseDocument } = await loadYaml();
  // uniqueKeys: a duplicate key silently loses data, so it is an error. maxAliasCount bounds alias expansion.
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => {
      const where = e.pos ? `${lineAndColumn(text, e.pos[0])}: ` : '';
      return `${label}: ${where}${oneLine(e.message)}`;
    });
    throw new DataError(lines[0] as string, lines.slice(1));
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new DataError(`${label}: cannot be read as YAML: ${oneLine((error as Error).message)}`);
  }
}

function isYaml(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return true;
  if (ext === '.json') return false;
  return !/^\s*[[{]/.test(text);
}

/** Parses a document, JSON or YAML by extension (or by its first character when the extension says neither). */
export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  const label = fileLabel(file);
  if (isYaml(file, text)) return parseYaml(text, label);
  try {
    return JSON.parse(text);
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
    const info = await stat(file);
    if (info.isDirectory()) throw new DataError(`${label}: is a folder, not a timeline file`);
    bytes = await readFile(file);
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

/** Reads and validates a timeline; every problem found becomes one line of the error. */
export async function loadTimeline(file: string = BUNDLED_TIMELINE): Promise<LoadedTimeline> {
  const label = fileLabel(file);
  const { text, modified } = await readText(file);
  const raw = await parseDocumentText(text, file);
  const result = parseTimeline(raw);
  if (!result.ok) {
    const details = result.problems.map((p) => `${label}: ${p.path}: ${p.message}`);
    throw new DataError(details[0] ?? `${label}: invalid timeline`, details.slice(1));
  }
  return { timeline: result.timeline, warnings: result.warnings, file, modified };
}
