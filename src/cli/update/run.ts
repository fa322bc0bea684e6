// An update from start to end: the data in use, every file read through the importer, what changed, and the new
// data folder written as a whole. Nothing is replaced until the importer has read every file without a problem.
import { capped } from '../../timeline/sources/bounds.js';
import { importReleases } from '../../timeline/sources/upstream/releases.js';
import { oneLine } from '../../timeline/text.js';
import type { CommandResult, Context } from '../command.js';
import type { UpdateOptions } from '../commands/update.js';
import { DataError, RemoteError } from '../errors.js';
import { problemLine } from '../load.js';
import type { CacheFolder } from '../startup/code-cache.js';
import { dataChanges } from './changes.js';
import { type CurrentData, currentData } from './current.js';
import { dataFiles } from './files.js';
import { checkoutSnapshot, urlSnapshot } from './snapshot.js';
import {
  baseUrl,
  checkoutSource,
  DEFAULT_BASE_URL,
  type HttpHarvest,
  httpSource,
  onceEach,
  type ReadRepoFile,
  SERIES_STATUS,
} from './sources.js';
import { httpMemoryFiles, keptText, readHttpMemory, replaceData } from './store.js';

/** Bytes in one file over HTTP: far above any upstream file (the largest is some 16 kB). */
const MAX_REMOTE_BYTES = 4 * 1024 * 1024;

/**
 * The answers the importer must not take as they come: no series list means the source is not openstack/releases,
 * and a schedule the data in use has that the source does not is a source missing files, not a withdrawn cycle.
 * A schedule missing for any other series is normal (austin … newton; a series upstream has not scheduled yet).
 */
function guarded(read: ReadRepoFile, label: string, before: CurrentData): ReadRepoFile {
  return async (path) => {
    const text = await read(path);
    if (text !== null) return text;
    if (path === SERIES_STATUS)
      throw new RemoteError(
        `${label}/${path}: not found: is this openstack/releases?`,
        `the files must lie at their repository paths under it, e.g. ${DEFAULT_BASE_URL}/${SERIES_STATUS}`,
      );
    const series = /^doc\/source\/([a-z0-9-]+)\/schedule\.yaml$/.exec(path)?.[1];
    if (series !== undefined && before.schedules.has(series))
      throw new RemoteError(`${label}/${path}: not found, though the data in use has ${series}'s schedule`);
    return text;
  };
}

interface Source {
  label: string;
  read: ReadRepoFile;
  harvest: HttpHarvest | null;
}

function openSource(cache: CacheFolder, options: UpdateOptions): Source {
  if (options.from !== undefined) return { ...checkoutSource(options.from), harvest: null };
  const base = baseUrl(options.url ?? DEFAULT_BASE_URL);
  return httpSource(base, {
    limits: { timeoutMs: options.timeoutMs, maxBytes: MAX_REMOTE_BYTES },
    remembered: readHttpMemory(cache),
    keptText: (path) => keptText(cache, path),
  });
}

/** "23 series, 21 schedules" */
const counts = (series: number, schedules: number) => `${series} series, ${schedules} schedules`;

export async function runUpdate(
  ctx: Context,
  cache: CacheFolder,
  options: UpdateOptions,
  progress: (text: string) => void,
): Promise<CommandResult> {
  // The source first: a URL that is not one, or a folder that is not a checkout, is refused before the data in
  // use is read.
  const source = openSource(cache, options);
  const before = await currentData(ctx.io.env);
  const remote = source.harvest !== null;
  const reading = onceEach(source.read, (path, n) => progress(`juno: reading ${path} (${n})`), {
    ahead: remote,
  });
  const imported = await importReleases(guarded(reading, source.label, before));
  if (!imported.ok) {
    // Each file named as the source has it (a URL, a path on disk); a message that names it already is not repeated.
    const lines = capped(
      imported.problems.map(({ file = SERIES_STATUS, message, ...p }) =>
        problemLine(source.label, {
          ...p,
          file: `${source.label}/${file}`,
          message: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message,
        }),
      ),
    );
    throw new DataError(lines[0] as string, lines.slice(1));
  }
  const after = {
    series: imported.series,
    schedules: new Map(imported.schedules.map((s) => [s.series, s.timeline])),
  };
  const changes = dataChanges(before, after);
  const snapshot = remote
    ? urlSnapshot(source.label, ctx.today)
    : checkoutSnapshot(source.label, ctx.io.env, ctx.today);
  const what = `${counts(imported.series.length, imported.schedules.length)} from ${oneLine(source.label)}`;
  // Nothing to keep when nothing changed from the data juno came with, or when the server confirmed every file.
  const unchangedFiles =
    remote && [...(source.harvest as HttpHarvest).values()].every((f) => f.fresh === false);
  if (changes.length === 0 && (before.updated === null || unchangedFiles))
    return { stdout: `no changes: ${what}\n` };
  const files = dataFiles(imported.series, imported.schedules, snapshot, before.schedules);
  if (remote)
    for (const [path, text] of httpMemoryFiles(source.harvest as HttpHarvest)) files.set(path, text);
  const folder = await replaceData(cache, files);
  const summary = changes.length === 0 ? `no changes: ${what}` : `updated: ${what}`;
  return { stdout: [...changes, `${summary}; kept in ${folder}`, ''].join('\n') };
}
