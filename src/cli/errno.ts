// Why a write failed, in words, from the system's error code: one table for every file juno writes (stdout, -o,
// the files of `juno update` and `juno publish`, the GitHub step summary). Each caller adds what it knows better
// (a missing folder, a hint) and falls back on the code itself.

import { oneLine } from '../timeline/text.js';

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'is a folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EBADF: 'bad file descriptor (not open for writing)',
};

/** The words for a write error's code, or null for a code the table does not know. */
export function writeFailureWords(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === undefined ? null : (WRITE_FAILURES[code] ?? null);
}

/** `writeFailureWords`, else the error's own message on one line: for a message that must say something. */
export function writeFailureText(error: unknown): string {
  return writeFailureWords(error) ?? oneLine((error as Error).message ?? String(error));
}
