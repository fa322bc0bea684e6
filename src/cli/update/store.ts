// The data `juno update` writes, in `<cache>/data/` (the same private folder as the code cache's): the series list,
// each series' schedule, and for `--url`, what the server said of each file (http.json) with the file kept under
// upstream/, so that the next update can ask "only if changed" and still have every file for the importer.
// Replaced as a whole: a new folder is written beside it, flushed, and renamed into place, so that juno reads
// either the old data or the new, never a mixture; an update that fails leaves the old folder as it was.

import {
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFailureWords } from '../errno.js';
import { OutputError } from '../errors.js';
import { leftByGoneProcess, syncFolder } from '../folder.js';
import { DATA_FOLDER } from '../load.js';
import { type CacheFolder, isPrivateDir, makePrivateDir, readOwnFile } from '../startup/code-cache.js';
import type { RememberedFile } from './sources.js';

/** What a `--url` update remembers of each URL. */
const HTTP_MEMORY = 'http.json';
/** Where the files a `--url` update read are kept, at their repository paths. */
const KEPT_FILES = 'upstream';

/** Files kept far above any real one (the largest upstream page is some 16 kB). */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;

/** A new data folder and an old one on their way, named after the process that made them. */
const PARTIAL = /^data\.(?:new|old)-(.+)$/;

/** Partial folders left by an update that was interrupted (their process is gone). */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (leftByGoneProcess(PARTIAL.exec(name)?.[1] ?? ''))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Writes `files` (relative paths → text) under `root`, each flushed, folders 0700 and files 0600. */
async function writeTree(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  mkdirSync(root, { mode: 0o700 });
  const folders = new Set<string>([root]);
  for (const [path, text] of files) {
    const file = join(root, path);
    if (!file.startsWith(`${root}/`)) throw new Error(`not a relative path: ${path}`);
    const folder = dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      for (let f = folder; f !== root && !folders.has(f); f = dirname(f)) folders.add(f);
    }
    const fd = openSync(
      file,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
      0o600,
    );
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  for (const folder of folders) await syncFolder(folder);
}

/** Why the data folder cannot be written, for one line. */
function writeFailure(error: unknown): string {
  return writeFailureWords(error) ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Replaces `<cache>/data` with `files`: written aside as `data.new-<pid>`, then the old folder is renamed away and
 * the new one into place. Between the two renames a reader finds no update data and reads the bundled data.
 */
export async function replaceData(cache: CacheFolder, files: ReadonlyMap<string, string>): Promise<string> {
  if (!makePrivateDir(cache))
    throw new OutputError(
      `${cache.dir}: cannot make a private folder for the data (it must be yours, with no access for others)`,
    );
  const target = join(cache.dir, DATA_FOLDER);
  const fresh = join(cache.dir, `data.new-${process.pid}`);
  const old = join(cache.dir, `data.old-${process.pid}`);
  try {
    removeLeftovers(cache.dir);
    rmSync(fresh, { recursive: true, force: true });
    await writeTree(fresh, files);
    const hadData = statSync(target, { throwIfNoEntry: false }) !== undefined;
    if (hadData) renameSync(target, old);
    renameSync(fresh, target);
    await syncFolder(cache.dir);
    if (hadData) rmSync(old, { recursive: true, force: true });
    return target;
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw new OutputError(`${target}: cannot write the data: ${writeFailure(error)}`);
  }
}

/** Removes `<cache>/data` (back to the bundled data); false when there was none. */
export function removeData(cache: CacheFolder): boolean {
  const target = join(cache.dir, DATA_FOLDER);
  if (statSync(target, { throwIfNoEntry: false }) === undefined) return false;
  const old = join(cache.dir, `data.old-${process.pid}`);
  try {
    renameSync(target, old);
    rmSync(old, { recursive: true, force: true });
    return true;
  } catch (error) {
    throw new OutputError(`${target}: cannot remove the data: ${writeFailure(error)}`);
  }
}

/** A file of the data folder, read only when the folder is this user's own and private; else null. */
function readDataFile(cache: CacheFolder, path: string): string | null {
  const folder = join(cache.dir, DATA_FOLDER);
  if (!isPrivateDir(folder)) return null;
  return readOwnFile(join(folder, path), MAX_KEPT_BYTES)?.toString('utf8') ?? null;
}

/** The text an earlier `--url` update kept of a repository file, or null. */
export function keptText(cache: CacheFolder, path: string): string | null {
  return readDataFile(cache, `${KEPT_FILES}/${path}`);
}

/** What an earlier `--url` update remembered, by URL; empty when there is nothing usable. */
export function readHttpMemory(cache: CacheFolder): Map<string, RememberedFile> {
  const memory = new Map<string, RememberedFile>();
  const text = readDataFile(cache, HTTP_MEMORY);
  if (text === null) return memory;
  try {
    const raw = JSON.parse(text) as { format?: unknown; files?: unknown };
    if (raw.format !== 'juno-http-memory' || typeof raw.files !== 'object' || raw.files === null)
      return memory;
    for (const [url, entry] of Object.entries(raw.files as Record<string, Partial<RememberedFile>>)) {
      if (typeof entry?.path !== 'string') continue;
      const file: RememberedFile = { path: entry.path };
      if (typeof entry.etag === 'string') file.etag = entry.etag;
      if (typeof entry.lastModified === 'string') file.lastModified = entry.lastModified;
      memory.set(url, file);
    }
  } catch {
    // A damaged memory only means asking for every file in full.
  }
  return memory;
}

/** http.json and the kept files, for the data folder, from what an update read. */
export function httpMemoryFiles(
  harvest: ReadonlyMap<string, RememberedFile & { text: string; fresh: boolean }>,
): Map<string, string> {
  const files = new Map<string, string>();
  const entries: Record<string, RememberedFile> = {};
  for (const [url, { text, fresh: _, ...remembered }] of harvest) {
    if (remembered.etag === undefined && remembered.lastModified === undefined) continue;
    entries[url] = remembered;
    files.set(`${KEPT_FILES}/${remembered.path}`, text);
  }
  files.set(
    HTTP_MEMORY,
    `${JSON.stringify({ format: 'juno-http-memory', version: 1, files: entries }, null, 1)}\n`,
  );
  return files;
}
