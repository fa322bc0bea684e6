// Writing a command's output to a file named by the user (`-o FILE`), so that a failure never leaves half a file.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { oneLine } from '../timeline/text.js';
import { OutputError } from './errors.js';

/**
 * `-o -`, `-o /dev/stdout` and no `-o` at all mean stdout. /dev/stdout goes through the process's own stream
 * because opening it fails when stdout is a socket (ENXIO), as it is under some supervisors and test runners.
 */
export function isStdout(file: string | undefined): boolean {
  return file === undefined || file === '-' || file === '/dev/stdout';
}

/** Why a write failed, in words, from the system's error code. */
export function describeWriteError(error: unknown, file: string): OutputError {
  const label = oneLine(file);
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new OutputError(
        `${label}: cannot write: the folder ${oneLine(dirname(file))} does not exist`,
        'create the folder first, or give another path to -o',
      );
    case 'ENOTDIR':
      return new OutputError(`${label}: cannot write: part of the path is a file, not a folder`);
    case 'EISDIR':
      return new OutputError(`${label}: cannot write: is a folder`, 'give a file name to -o');
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputError(`${label}: cannot write: no space left on the device`);
    case 'EACCES':
    case 'EPERM':
      return new OutputError(`${label}: cannot write: permission denied`);
    case 'EROFS':
      return new OutputError(`${label}: cannot write: the file system is read-only`);
    default:
      return new OutputError(`${label}: cannot write: ${oneLine((error as Error).message ?? String(error))}`);
  }
}

/** Writes straight to a target that cannot be replaced: a device, a pipe. */
async function writeDirect(file: string, text: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** Paths that name a process's streams or devices; they are written in place, never renamed over. */
const SPECIAL = /^\/(dev|proc)\//;

/**
 * Writes `text` to `file` atomically: into a temporary file in the same folder, flushed, then renamed over the
 * target. A failure removes the temporary file and leaves an existing target as it was. A target that is not a
 * regular file (a device, a pipe) is written directly. Failures are `OutputError`s (exit 4).
 */
export async function writeOutput(file: string, text: string): Promise<void> {
  let info: Stats | null = null;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw describeWriteError(error, file);
  }
  if (info?.isDirectory()) throw describeWriteError({ code: 'EISDIR' }, file);
  if (info && (!info.isFile() || SPECIAL.test(file))) {
    try {
      await writeDirect(file, text);
    } catch (error) {
      throw describeWriteError(error, file);
    }
    return;
  }
  let target = file;
  try {
    if (info) {
      // A read-only file stays read-only, even though its folder would let us replace it.
      await access(file, constants.W_OK);
      // Replace what a symbolic link points to, not the link.
      target = await realpath(file);
    }
  } catch (error) {
    throw describeWriteError(error, file);
  }
  const mode = info ? info.mode & 0o7777 : null;

  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx');
    created = true;
    try {
      await handle.writeFile(text);
      // Keep the permissions of the file being replaced.
      if (mode !== null) await chmod(temp, mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw describeWriteError(error, file);
  }
}
