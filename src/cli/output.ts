// Writing a command's output to a file named by the user (`-o FILE`), so that a failure never leaves half a file.

import { randomBytes } from 'node:crypto';
import { constants, existsSync, type Stats, unlinkSync } from 'node:fs';
import { access, type FileHandle, lstat, open, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { oneLine } from '../timeline/text.js';
import { writeFailureText } from './errno.js';
import { OutputError, UsageError } from './errors.js';
import { cleanUpOnSignal } from './interrupt.js';

/** A descriptor of this process named as a path: `/dev/fd/N`, `/dev/stderr`, `/proc/self/fd/N`. */
const DESCRIPTOR = /^\/(?:dev\/(?:fd\/(\d+)|std(in|out|err))|proc\/(self|thread-self|\d+)\/fd\/(\d+))$/;

/** The descriptor number a path names, or null when it names no descriptor of this process. */
function descriptorOf(file: string): number | null {
  const match = DESCRIPTOR.exec(resolve(file));
  if (!match) return null;
  const [, devFd, std, proc, procFd] = match;
  if (proc !== undefined && /^\d+$/.test(proc) && Number(proc) !== process.pid) return null;
  if (std !== undefined) return ['in', 'out', 'err'].indexOf(std);
  return Number(devFd ?? procFd);
}

/**
 * `-o -`, no `-o` at all, and the paths that name descriptor 1 (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`)
 * mean stdout. They go through the process's own stream, which keeps the shell's `>>` and never truncates, and
 * because opening them fails when stdout is a socket (ENXIO), as it is under some supervisors and test runners.
 */
export function isStdout(file: string | undefined): boolean {
  return file === undefined || file === '-' || descriptorOf(file) === 1;
}

/** Why a write failed, in words, from the system's error code. */
export function describeWriteError(error: unknown, file: string): OutputError {
  const label = oneLine(file);
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      // The folder may well exist and take no new file (/proc, /sys): say so rather than that it is missing.
      if (existsSync(dirname(file)))
        return new OutputError(
          `${label}: cannot write: the folder ${oneLine(dirname(file))} does not take new files`,
          'give a path in an ordinary folder to -o',
        );
      return new OutputError(
        `${label}: cannot write: the folder ${oneLine(dirname(file))} does not exist`,
        'create the folder first, or give another path to -o',
      );
    case 'EISDIR':
      return new OutputError(`${label}: cannot write: is a folder`, 'give a file name to -o');
    default:
      return new OutputError(`${label}: cannot write: ${writeFailureText(error)}`);
  }
}

/** What `-o` writes: the whole text, or its pieces as a renderer makes them. */
export type Content = string | Iterable<string>;

/** Pieces are gathered into writes of about this many characters. */
const CHUNK = 1 << 20;

/**
 * A step of writing `file`: failures of the file system are the user's to fix (exit 4, see describeWriteError);
 * any other failure while making the output is passed on as it is.
 */
async function system<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw describeWriteError(error, file);
  }
}

/** Writes `content` at the handle's position; a failure of the file system is an `OutputError`. */
async function writeContent(handle: FileHandle, content: Content, file: string): Promise<void> {
  const put = (text: string) => system(file, () => handle.writeFile(text));
  if (typeof content === 'string') {
    await put(content);
    return;
  }
  let pending: string[] = [];
  let size = 0;
  for (const piece of content) {
    pending.push(piece);
    size += piece.length;
    if (size >= CHUNK) {
      await put(pending.join(''));
      pending = [];
      size = 0;
    }
  }
  if (size > 0) await put(pending.join(''));
}

/**
 * Writes straight to a target that cannot be replaced: a device, a pipe. A descriptor named as a path
 * (`/dev/fd/3`) is opened for appending, so that a file the shell opened with `>>` keeps what it holds.
 */
async function writeDirect(file: string, content: Content, append: boolean): Promise<void> {
  const handle = await system(file, () => open(file, append ? 'a' : 'w'));
  try {
    await writeContent(handle, content, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Paths that name a process's streams or devices; they are written in place, never renamed over. */
const SPECIAL = /^\/(dev|proc)\//;

/**
 * Follows `file` one component at a time as the kernel would, and refuses a symbolic link that the kernel's
 * `protected_symlinks` rule would not follow: one in a world-writable folder (sticky or not) owned neither by
 * this user nor by the folder's owner. Such a link can be planted by anyone (`/tmp/juno.ics` pointing at
 * `~/.bashrc`), and the rule is off on many systems. Returns the path with every link resolved, or null when
 * part of it does not exist (or cannot be followed) and there is nothing more to check.
 */
async function followLinks(file: string): Promise<string | null> {
  const uid = process.geteuid?.();
  let current = file.startsWith('/') ? '/' : process.cwd();
  let pending = file.split('/');
  let hops = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (name === '' || name === '.') continue;
    if (name === '..') {
      current = dirname(current);
      continue;
    }
    const path = join(current, name);
    let info: Stats;
    try {
      info = await lstat(path);
    } catch {
      return null;
    }
    if (!info.isSymbolicLink()) {
      current = path;
      continue;
    }
    // The links under /proc name open files, not paths; the kernel does not read them as text.
    if (current.startsWith('/proc/') || ++hops > 40) return null;
    if (uid !== undefined && info.uid !== uid) {
      const folder = await stat(current).catch(() => null);
      if (folder === null) return null;
      if ((folder.mode & 0o002) !== 0 && info.uid !== folder.uid) {
        throw new OutputError(
          `${oneLine(file)}: cannot write: the symbolic link ${oneLine(path)} belongs to another user and sits in a folder anyone can write to`,
          'it may have been planted to redirect the output; remove it, or give another path to -o',
        );
      }
    }
    const target = await readlink(path).catch(() => null);
    if (target === null) return null;
    if (target.startsWith('/')) current = '/';
    pending = [...target.split('/'), ...pending];
  }
  return current;
}

export interface WriteOptions {
  /** The file the output is made from (`--timeline`): writing over it would destroy it, so it is refused. */
  input?: string;
}

/** Refuses an output file that is the input file itself, by any name (a link, a hard link, another path). */
async function refuseInput(file: string, target: Stats, input: string | undefined): Promise<void> {
  if (input === undefined || !target.isFile()) return;
  let source: Stats;
  try {
    source = await stat(input);
  } catch {
    return;
  }
  if (source.isFile() && source.dev === target.dev && source.ino === target.ino) {
    const same = oneLine(input) === oneLine(file) ? '' : ` (${oneLine(input)})`;
    throw new UsageError(
      `-o ${oneLine(file)} is the timeline being read${same}: writing it would destroy it`,
    );
  }
}

/**
 * Writes `content` to `file` atomically: into a temporary file in the same folder, flushed, then renamed over the
 * target. The temporary file has the target's permissions from the start (a new file's: 0666 less the umask), and
 * is removed on any failure and on SIGINT, SIGTERM or SIGHUP, leaving an existing target as it was. A target that
 * is not a regular file (a device, a pipe) is written directly. Failures are `OutputError`s (exit 4); an output
 * that is the input file is a `UsageError` (exit 2).
 */
export async function writeOutput(file: string, content: Content, options: WriteOptions = {}): Promise<void> {
  const descriptor = descriptorOf(file) !== null;
  const resolved = descriptor ? null : await followLinks(file);
  let info: Stats | null = null;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw describeWriteError(error, file);
  }
  if (info) await refuseInput(file, info, options.input);
  if (info?.isDirectory()) throw describeWriteError({ code: 'EISDIR' }, file);
  if (descriptor || (info && (!info.isFile() || SPECIAL.test(file)))) {
    await writeDirect(file, content, descriptor);
    return;
  }
  let target = file;
  if (info) {
    // A read-only file stays read-only, even though its folder would let us replace it.
    await system(file, () => access(file, constants.W_OK));
    // Replace what a symbolic link points to, not the link: the path as followed and checked above.
    target = resolved ?? (await system(file, () => realpath(file)));
  }
  // The permission bits only: the kernel clears set-user-ID and set-group-ID when a file is written.
  const mode = info ? info.mode & 0o777 : 0o666;

  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const stopWatching = cleanUpOnSignal(() => unlinkSync(temp));
  let created = false;
  try {
    // Created no wider than the target (the umask can only narrow it), then given exactly its bits.
    const handle = await system(file, () => open(temp, 'wx', mode));
    created = true;
    try {
      if (info) await system(file, () => handle.chmod(mode));
      await writeContent(handle, content, file);
      await system(file, () => handle.sync());
    } finally {
      await handle.close().catch(() => undefined);
    }
    await system(file, () => rename(temp, target));
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    stopWatching();
  }
}
