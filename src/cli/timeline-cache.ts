// Imported schedules kept for the next run, and juno's own data once checked. Reading an openstack/releases
// schedule.yaml means loading a YAML parser, parsing the YAML and the schedule.rst beside it, and matching the
// two: some 20 ms of a start that is otherwise about 25 ms; checking the bundled Juno timeline or a series'
// schedule is about a fifth of `juno next` (which files are kept: `keeps` in ./load.ts). The result is kept in
// the user's private cache folder (the code cache's, see ./startup/code-cache.ts), with the text of every file it
// was made from; the next read of the same path uses it only when every one of those files still holds exactly
// that text, read and compared as the importer would read it, and only with the same build of juno. Anything else
// (a changed or missing file, another build, a damaged or foreign cache file) reads the file as usual. Only files
// that read without problems are kept.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseResult } from '../timeline/parse.js';
import type { SeriesRecord, SeriesSnapshot } from '../timeline/series.js';
import type { TimelineFormat } from '../timeline/sources/index.js';
import {
  checksum,
  isPrivateDir,
  makePrivateDir,
  readOwnFile,
  userCacheFolder,
  writeOwnFile,
} from './startup/code-cache.js';

/** A file the import read, and the text it had: null when it was looked for and not there. */
export interface CachedInput {
  path: string;
  text: string | null;
  /** The schedule's own page, a neighbour series' page, or the series list in use. */
  kind: 'sibling' | 'neighbour' | 'series-list';
}

/** What a read of an upstream schedule gave, with what it was made from. */
export interface ImportRecord {
  /** The path as given (messages name files by it) and the file read. */
  given: string;
  file: string;
  /** The schedule's own text. */
  text: string;
  /** Every other file the import asked for, in order. */
  inputs: CachedInput[];
  /** The files read, the schedule first: `CheckedTimeline.inputs`. */
  read: string[];
  /** The format the file was read as. */
  source: TimelineFormat;
  result: Extract<ParseResult, { ok: true }>;
}

/** A series list as read and checked. */
export interface KeptList {
  series: SeriesRecord[];
  snapshot: SeriesSnapshot | null;
}

export interface TimelineCache {
  /** The kept result for this schedule when nothing it was made from has changed; else null. */
  find(
    given: string,
    file: string,
    text: string,
  ): Promise<{ result: ParseResult; read: string[]; source: TimelineFormat } | null>;
  /** Keeps a result; false when it could not (failing to is not an error). */
  keep(record: ImportRecord): boolean;
  /** The series list kept for this file while it reads the same (its text is `text`); else null. */
  findList(file: string, text: string): Promise<KeptList | null>;
  /** Keeps a series list read from `file`; false when it could not. */
  keepList(file: string, text: string, list: KeptList): boolean;
}

const FORMAT = 'juno-timeline-cache';
const VERSION = 2;
/** Schedules larger than this are read each time: the cache is for start-up, and real ones are some 10 kB. */
export const CACHEABLE_TEXT = 1024 * 1024;
/** Far above an entry for a schedule of `CACHEABLE_TEXT`. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Entries kept per build; the least recently written go first. */
const MAX_ENTRIES = 16;

/** The stamp of the running bundle, as the boot read it from its first line; null when run from source. */
let programBuild: string | null = null;

/** Called once at start (../run.ts) with the stamp the boot read. */
export function useBuild(build: string | undefined): void {
  programBuild = build ?? null;
}

/**
 * The cache of imported schedules in the user's cache folder, for one build; null without a folder, a build (run
 * from source) or a working folder (one removed under the process). `unchanged` tells whether a file the import
 * read would read the same now, as the import reads it (../load.ts).
 */
export function timelineCache(
  env: NodeJS.ProcessEnv,
  unchanged: (input: CachedInput) => Promise<boolean>,
  build: string | null = programBuild,
): TimelineCache | null {
  const folder = userCacheFolder(env);
  const cwd = workingFolder();
  if (build === null || folder === null || cwd === null) return null;
  const entryFile = (given: string, file: string) => {
    const name = checksum(Buffer.from(`${cwd}\0${given}\0${file}`))
      .toString(16)
      .padStart(8, '0');
    return join(folder.dir, `${build}-timeline-${name}.json`);
  };
  /** The entry kept for this path and text, of this format and build; undefined without one. */
  const entryOf = (given: string, file: string, text: string): Record<string, unknown> | undefined => {
    if (text.length > CACHEABLE_TEXT || !isPrivateDir(folder.dir)) return undefined;
    const bytes = readOwnFile(entryFile(given, file), MAX_ENTRY_BYTES);
    if (bytes === undefined) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(bytes.toString('utf8'));
    } catch {
      return undefined;
    }
    return isEntry(entry, { build, cwd, given, file, text }) ? entry : undefined;
  };
  const write = (given: string, file: string, fields: Record<string, unknown>): boolean => {
    try {
      if (!makePrivateDir(folder)) return false;
      const entry = { format: FORMAT, version: VERSION, build, cwd, given, file, ...fields };
      writeOwnFile(entryFile(given, file), Buffer.from(JSON.stringify(entry)));
      pruneEntries(folder.dir, build);
      return true;
    } catch {
      // A cache that cannot be written is no cache: the next run reads the file again.
      return false;
    }
  };
  return {
    async find(given, file, text) {
      const entry = entryOf(given, file, text);
      if (entry === undefined || !isTimelineEntry(entry)) return null;
      for (const input of entry.inputs) if (!isInput(input) || !(await unchanged(input))) return null;
      return { result: entry.result, read: entry.read, source: entry.source };
    },
    keep(record) {
      const size = record.inputs.reduce((sum, input) => sum + (input.text?.length ?? 0), record.text.length);
      if (size > CACHEABLE_TEXT) return false;
      const { given, file, ...fields } = record;
      return write(given, file, fields);
    },
    async findList(file, text) {
      const entry = entryOf(file, file, text);
      return entry !== undefined && isListEntry(entry)
        ? { series: entry.result.series, snapshot: entry.result.snapshot }
        : null;
    },
    keepList(file, text, { series, snapshot }) {
      if (text.length > CACHEABLE_TEXT) return false;
      const result = { ok: true, series, snapshot };
      return write(file, file, { text, source: 'series-list', result });
    },
  };
}

interface Entry {
  inputs: CachedInput[];
  read: string[];
  source: TimelineFormat;
  result: ParseResult;
}

/** An entry of this format and build, made from this path and this text. */
function isEntry(value: unknown, expected: Record<string, string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.format !== FORMAT || entry.version !== VERSION) return false;
  return !Object.entries(expected).some(([key, wanted]) => entry[key] !== wanted);
}

/**
 * A timeline's entry (an import, or juno's data checked). Only this user can write the folder; the shape is
 * checked all the same, so that a damaged entry is a miss.
 */
function isTimelineEntry(entry: Record<string, unknown>): entry is Record<string, unknown> & Entry {
  const result = entry.result as { ok?: unknown; timeline?: unknown; warnings?: unknown } | null;
  const timeline = result?.timeline as { events?: unknown; phases?: unknown } | null | undefined;
  return (
    (entry.source === 'juno' || entry.source === 'upstream' || entry.source === 'bundled') &&
    Array.isArray(entry.inputs) &&
    Array.isArray(entry.read) &&
    entry.read.every((path) => typeof path === 'string') &&
    result?.ok === true &&
    Array.isArray(result.warnings) &&
    typeof timeline === 'object' &&
    timeline !== null &&
    Array.isArray(timeline.events) &&
    Array.isArray(timeline.phases)
  );
}

/** A series list's entry. */
function isListEntry(entry: Record<string, unknown>): entry is { result: { ok: true } & KeptList } {
  const result = entry.result as { ok?: unknown; series?: unknown; snapshot?: unknown } | null;
  return (
    entry.source === 'series-list' &&
    result?.ok === true &&
    Array.isArray(result.series) &&
    (result.snapshot === null || (typeof result.snapshot === 'object' && result.snapshot !== undefined))
  );
}

/** An input as `keep` writes it. */
function isInput(value: unknown): value is CachedInput {
  const input = value as Partial<CachedInput> | null;
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof input.path === 'string' &&
    (typeof input.text === 'string' || input.text === null) &&
    (input.kind === 'sibling' || input.kind === 'neighbour' || input.kind === 'series-list')
  );
}

/** The working folder, which names relative paths; null when it cannot be had (removed under the process). */
export function workingFolder(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}

/** Keeps the `MAX_ENTRIES` entries of this build written last. */
function pruneEntries(dir: string, build: string): void {
  const prefix = `${build}-timeline-`;
  const entries = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
    .map((name) => ({ name, written: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.written - a.written);
  for (const { name } of entries.slice(MAX_ENTRIES)) rmSync(join(dir, name), { force: true });
}
