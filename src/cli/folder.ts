// Writing a whole folder at once (`juno publish DIR`): every file is written into a new folder beside DIR, flushed,
// and only then swapped in, so that a half-written folder never replaces a good one. juno replaces only a folder it
// made itself (it holds the marker file, listing what juno wrote) or an empty one: never a folder of the user's.

import {
  type Dirent,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
} from 'node:fs';
import { chmod, type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { oneLine } from '../timeline/text.js';
import { writeFailureText } from './errno.js';
import { OutputError } from './errors.js';
import { cleanUpOnSignal } from './interrupt.js';

/** The file that says juno made the folder, and what it wrote there. */
const MARKER = '.juno-publish';

const MARKER_HEAD = [
  '# This folder was written by juno publish, which replaces it whole each time it runs.',
  '# Keep nothing else in it: juno refuses to replace a folder holding files it did not write.',
  '# The files juno wrote:',
];

/** The marker's text: a comment, then the files juno wrote, one a line. */
function markerText(files: readonly string[]): string {
  return [...MARKER_HEAD, ...[...files].sort(), ''].join('\n');
}

/** The files a marker lists (lines that are not comments). */
function listed(text: string): Set<string> {
  return new Set(text.split('\n').filter((line) => line !== '' && !line.startsWith('#')));
}

/** The bits of a published file and folder: anyone may read them (a web server), only the owner write. */
const FILE_MODE = 0o644;
const FOLDER_MODE = 0o755;

export interface FolderFile {
  name: string;
  content: string;
}

/** What the folder was before: new (nothing there), empty, or juno's. */
type Before = 'missing' | 'empty' | 'published';

/** Why a step failed, in words, from the system's error code; `where` is the folder the step was writing in. */
function describe(error: unknown, dir: string, where: string, before: Before): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const label = oneLine(dir);
  const folder = oneLine(where);
  const kept = before === 'missing' ? 'nothing was written' : `${label} is left as it was`;
  const fail = (why: string, hint?: string) => new OutputError(`${label}: cannot publish: ${why}`, hint);
  switch (code) {
    case 'ENOENT':
      return missing(where, folder, kept, fail);
    case 'EACCES':
    case 'EPERM':
      return fail(
        `permission denied in ${folder}; ${kept}`,
        `juno builds the new folder beside ${label} and swaps it in, so it needs to write to ${folder}`,
      );
    case 'EFBIG':
      return fail(`a file is larger than this process may write (ulimit -f); ${kept}`);
    case 'EBUSY':
      return fail(
        `${label} is in use or a mount point, and cannot be replaced; ${kept}`,
        'publish into a folder inside it instead',
      );
    case 'EEXIST':
    case 'ENOTEMPTY': {
      const { dest, path } = error as { dest?: string; path?: string };
      return fail(
        `${oneLine(dest ?? path ?? 'a folder')} is in the way; ${kept}`,
        'remove it if no juno is running, then publish again',
      );
    }
    case 'ENAMETOOLONG':
      return fail(`the name is too long; ${kept}`);
    default:
      return fail(`${writeFailureText(error)}; ${kept}`);
  }
}

/**
 * Why a step in `where` found nothing there, from what `where` is: the folder itself may be missing, or it is there
 * but no file can be made in it (a file system such as /proc, whose folders hold only what the kernel puts there).
 */
function missing(
  where: string,
  folder: string,
  kept: string,
  fail: (why: string, hint?: string) => OutputError,
): OutputError {
  let info: Stats;
  try {
    info = statSync(where);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return fail(
        `the folder ${folder} does not exist; ${kept}`,
        'create it first, or give another folder to publish to',
      );
    return fail(`${folder} cannot be looked at: ${oneLine((error as Error).message)}; ${kept}`);
  }
  if (!info.isDirectory()) return fail(`${folder} is not a folder; ${kept}`);
  return fail(
    `${folder} exists, but nothing can be created in it: it is not a folder of ordinary files; ${kept}`,
    'give a folder on a file system that holds your files',
  );
}

/**
 * What `dir` is now: missing, an empty folder, or a folder juno published that holds nothing else. Anything else
 * (a file, a link, a folder of the user's, one of juno's with files added to it) is refused, and left alone.
 */
function folderBefore(target: string, dir: string): Before {
  const label = oneLine(dir);
  let info: Stats;
  try {
    // The path itself, without a trailing slash that would follow a link.
    info = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw describe(error, dir, dirname(target), 'published');
  }
  if (info.isSymbolicLink())
    throw new OutputError(
      `${label}: cannot publish: it is a symbolic link; it is left as it is`,
      'give the folder it points to, or a new one',
    );
  if (!info.isDirectory())
    throw new OutputError(
      `${label}: cannot publish: it is a file, not a folder; it is left as it is`,
      'give a new folder, or one juno published before',
    );
  let entries: Dirent[];
  try {
    entries = readdirSync(target, { withFileTypes: true });
  } catch (error) {
    throw describe(error, dir, dir, 'published');
  }
  if (entries.length === 0) return 'empty';
  const marker = entries.find((entry) => entry.name === MARKER && entry.isFile());
  if (marker === undefined)
    throw new OutputError(
      `${label}: cannot publish: the folder is not one juno published (it has no ${MARKER}); it is left as it is`,
      'give a new or empty folder: juno replaces only a folder it published',
    );
  let text: string;
  try {
    text = readFileSync(resolve(target, MARKER), 'utf8');
  } catch (error) {
    throw describe(error, dir, dir, 'published');
  }
  const ours = listed(text);
  const others = entries
    .filter((entry) => entry.name !== MARKER && !(entry.isFile() && ours.has(entry.name)))
    .map((entry) => oneLine(entry.name))
    .sort();
  if (others.length > 0) {
    const shown =
      others.length > 3
        ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more`
        : others.join(', ');
    throw new OutputError(
      `${label}: cannot publish: the folder holds files juno did not write (${shown}); it is left as it is`,
      'juno replaces the folder whole: move them out, or publish to another folder',
    );
  }
  return 'published';
}

/** Flushes a folder's entries to the disk; a file system that cannot sync a folder is left to do its best. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EINVAL, EISDIR on file systems that do not sync folders: the renames still happen in order.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Writes one file, new, with exactly FILE_MODE whatever the umask, and flushes it. */
async function writeFile(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await handle.chmod(FILE_MODE);
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Swaps the new folder in for `dir`, synchronously (no signal handler runs between the two renames): a new or empty
 * `dir` is replaced by one rename; a published one is renamed aside, the new one put in its place, and the old one
 * put back if that fails.
 */
function swapIn(partial: string, dir: string, old: string, before: Before, label: string): void {
  if (before !== 'published') {
    renameSync(partial, dir);
    return;
  }
  renameSync(dir, old);
  try {
    renameSync(partial, dir);
  } catch (error) {
    try {
      renameSync(old, dir);
    } catch {
      throw new OutputError(
        `${oneLine(label)}: cannot publish: ${oneLine((error as Error).message)}; the previous folder is now ${oneLine(old)}`,
        `move it back: mv ${oneLine(old)} ${oneLine(dir)}`,
      );
    }
    throw error;
  }
}

/**
 * Writes `files` (and the marker) as the folder `dir`, atomically: into `.<dir>.<pid>.partial` beside it, each file
 * flushed, then swapped in. Files are 0644 and the folder 0755. Any failure, and SIGINT, SIGTERM or SIGHUP, removes
 * the new folder and leaves `dir` as it was. Once the new folder is in place, the folders that runs of juno killed
 * part-way left beside `dir` are removed (see leftovers). Returns warnings: a folder that could not be removed.
 */
export async function writeFolder(dir: string, files: readonly FolderFile[]): Promise<string[]> {
  const target = resolve(dir);
  const parent = dirname(target);
  const name = basename(target);
  // `juno publish` refuses the root folder as a usage error before anything is read (checkDir in its command).
  if (target === parent) throw new Error(`${oneLine(dir)}: the root folder cannot be replaced`);
  const before = folderBefore(target, dir);
  const partial = resolve(parent, `.${name}.${process.pid}.partial`);
  const old = resolve(parent, `.${name}.${process.pid}.old`);
  let created = false;
  let swapped = false;
  const stopWatching = cleanUpOnSignal(() => {
    if (!swapped && created) rmSync(partial, { recursive: true, force: true });
    if (swapped) rmSync(old, { recursive: true, force: true });
  });
  let step = parent;
  try {
    await mkdir(partial, { mode: FOLDER_MODE });
    created = true;
    step = partial;
    await chmod(partial, FOLDER_MODE);
    const all = [...files, { name: MARKER, content: markerText(files.map((file) => file.name)) }];
    for (const file of all) await writeFile(resolve(partial, file.name), file.content);
    await syncFolder(partial);
    step = parent;
    swapIn(partial, target, old, before, dir);
    swapped = true;
    await syncFolder(parent);
  } catch (error) {
    if (created && !swapped) await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    stopWatching();
    // A failure of the file system is the user's to fix (exit 4); anything else is passed on as it is.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw describe(error, dir, step, before);
  }
  try {
    const warnings: string[] = [];
    if (before === 'published')
      await rm(old, { recursive: true, force: true }).catch(() =>
        warnings.push(
          `warning: the previous ${oneLine(dir)} could not be removed; it is left as ${oneLine(old)}`,
        ),
      );
    for (const leftover of leftovers(parent, name))
      await rm(leftover, { recursive: true, force: true }).catch((error: Error) =>
        warnings.push(
          `warning: ${oneLine(leftover)}, left by a juno publish that was stopped, could not be removed: ${oneLine(error.message)}`,
        ),
      );
    return warnings;
  } finally {
    stopWatching();
  }
}

/** The process id in the name of a folder juno made: decimal, as `process.pid` writes it, within what kill(2) takes. */
function pidOf(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const pid = Number(text);
  return pid <= 0x7fffffff ? pid : null;
}

/**
 * Whether a name's process id (`text`, as written into the names of folders on their way) is of another process
 * that no longer runs: what it left is a leftover.
 */
export function leftByGoneProcess(text: string): boolean {
  const pid = pidOf(text);
  return pid !== null && pid !== process.pid && !running(pid);
}

/** Whether a process runs with this id: one this user may not signal (EPERM) runs all the same. */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * What publishing `name` left beside it in runs that were stopped before they could clean up (SIGKILL, a power
 * cut): the folders named `.<name>.<pid>.partial` or `.<name>.<pid>.old` exactly, whose process no longer runs.
 * Nothing else: not a file or a link of those names, not another DIR's, not one of a process that runs.
 */
function leftovers(parent: string, name: string): string[] {
  const prefix = `.${name}.`;
  let entries: Dirent[];
  try {
    entries = readdirSync(parent, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => {
      if (!entry.isDirectory() || !entry.name.startsWith(prefix)) return false;
      const rest = entry.name.slice(prefix.length);
      const suffix = ['.partial', '.old'].find((end) => rest.endsWith(end));
      if (suffix === undefined) return false;
      return leftByGoneProcess(rest.slice(0, -suffix.length));
    })
    .map((entry) => resolve(parent, entry.name));
}
