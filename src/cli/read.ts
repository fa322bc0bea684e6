// Reading the text of the files juno loads (timelines, schedule.rst, the series list): bounded bytes, checked
// UTF-8, no NUL; where the bundled files are, how a file is named in messages, and which file `--timeline` means.
// Synchronous reads: a CLI has nothing else to do meanwhile, and node:fs/promises costs start-up time to load.
import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineAndColumn, MAX_ENGINE_MESSAGE } from '../timeline/sources/bounds.js';
import { clip, oneLine } from '../timeline/text.js';
import { DataError } from './errors.js';

/** True in the bundle (scripts/build.mjs defines it), which sits in `dist/` beside `data/`. */
declare const __JUNO_BUNDLE__: boolean | undefined;

/**
 * The bundled data folder: `data/` beside `dist/` in the package, or beside `src/` when run from source. The
 * bundle finds it from its own folder, without turning its path into a URL and back at every start.
 */
export const DATA_DIR =
  typeof __JUNO_BUNDLE__ === 'boolean'
    ? `${resolve(__dirname, '..', 'data')}/`
    : fileURLToPath(new URL('../../data/', import.meta.url));

/** Whether `file` is in juno's own data folder: shipped with juno, checked by its tests, named by its base name. */
export const isJunoData = (file: string): boolean => file.startsWith(DATA_DIR);
export const BUNDLED_TIMELINE = `${DATA_DIR}juno.json`;
export const BUNDLED_SERIES = `${DATA_DIR}series.json`;

/** Bytes in a timeline file: room for some 300,000 events (the bundled file is about 25 kB). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Where in a file a problem is, for messages: "juno.json: events[3].start". */
export function fileLabel(file: string): string {
  return oneLine(isJunoData(file) ? basename(file) : file);
}

/** Why a file cannot be opened, in words (errno messages repeat the path and the system call). */
function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links (a loop?)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'is a folder, not a timeline file';
    default:
      return error.code ? `error ${error.code}` : clip(oneLine(error.message), MAX_ENGINE_MESSAGE);
  }
}

/** Reads at most `max` bytes; null when the file holds more. Devices such as /dev/zero never end. */
function readBounded(file: string, max: number): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > max) return null;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes, at most `MAX_FILE_BYTES` of them, and its modification time. */
function readBytes(file: string, label: string): { bytes: Buffer; modified: Date } {
  const tooBig = () =>
    new DataError(
      `${label}: is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, more than any timeline needs`,
      [],
      'check the path given to --timeline',
    );
  let bytes: Buffer | null;
  let modified: Date;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new DataError(`${label}: is a folder, not a timeline file`);
    if (info.isFile()) {
      if (info.size > MAX_FILE_BYTES) throw tooBig();
      bytes = readFileSync(file);
    } else {
      // A device or a pipe says nothing of its size: read at most the limit.
      bytes = readBounded(file, MAX_FILE_BYTES);
    }
    modified = info.mtime;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(
      `${label}: cannot read the timeline: ${readFailure(error as NodeJS.ErrnoException)}`,
      [],
      'check the path given to --timeline',
    );
  }
  if (bytes === null) throw tooBig();
  return { bytes, modified };
}

/** A file's text: UTF-8 without a byte-order mark, no NUL, not blank. Every failure is a `DataError`. */
export async function readText(file: string): Promise<{ text: string; modified: Date }> {
  const label = fileLabel(file);
  const { bytes, modified } = readBytes(file, label);
  return { text: decodeText(bytes, label), modified };
}

/** Bytes as text under the rules of `readText`, wherever they came from (a file, an HTTP answer). */
export function decodeText(bytes: Buffer, label: string): string {
  // Checked, then decoded: together a fifth faster than a fatal TextDecoder. A byte-order mark is dropped.
  if (!isUtf8(bytes)) throw new DataError(`${label}: is not UTF-8 text`, [], 'save the file as UTF-8');
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul !== -1)
    throw new DataError(`${label}: ${lineAndColumn(text, nul)}: holds a NUL byte; a timeline is text`);
  if (text.trim() === '') throw new DataError(`${label}: is empty`);
  return text;
}

/** The file upstream keeps a cycle's schedule in, in `doc/source/<series>/`. */
const UPSTREAM_SCHEDULE = 'schedule.yaml';

/**
 * The timeline file `--timeline` (or `validate FILE`) means: the file itself, or a folder's schedule.yaml (a series
 * folder of openstack/releases). An RST page (upstream's schedule.rst, or the only file of mitaka and newton,
 * whose schedules are RST tables) or a folder without schedule.yaml is one `DataError` of one line, where a YAML
 * parser would give a screenful.
 */
export function timelinePath(file: string): string {
  if (isJunoData(file)) return file;
  if (extname(file).toLowerCase() === '.rst' && existsSync(file)) {
    const beside = join(dirname(file), UPSTREAM_SCHEDULE);
    throw new DataError(
      existsSync(beside)
        ? `${fileLabel(file)}: an RST page; juno reads the schedule.yaml beside it: --timeline ${fileLabel(beside)}`
        : `${fileLabel(file)}: an RST page; ${onlyRst(dirname(file))}`,
    );
  }
  if (!isFolder(file)) return file;
  const schedule = join(file, UPSTREAM_SCHEDULE);
  if (existsSync(schedule)) return schedule;
  throw new DataError(
    existsSync(join(file, 'schedule.rst'))
      ? `${fileLabel(file)}: ${onlyRst(file)}`
      : `${fileLabel(file)}: a folder without schedule.yaml; give a timeline file, or a series folder of openstack/releases (doc/source/<series>)`,
  );
}

/** True for a folder; anything else, or a path that cannot be looked at, is left to `readText` to explain. */
function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** "mitaka has no schedule.yaml, which juno reads (its schedule is only an RST table)". */
function onlyRst(folder: string): string {
  const series = oneLine(basename(resolve(folder)));
  return `${series} has no schedule.yaml, which juno reads (its schedule is only an RST table)`;
}
