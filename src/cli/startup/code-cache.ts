// The program is run through `vm.Script` with V8's cached data: with a valid cache V8 skips parsing and compiling
// it. juno keeps this cache itself on every Node line rather than calling Node 22's `module.enableCompileCache()`,
// whose default folder is shared by all users of the machine under the temp folder: V8 checks little more than
// the length of the source a cache was made from, so a cache planted there by another user runs as the victim.
// juno's cache is in a folder of the user's own, checked before each use, and each file carries a checksum.
// The cache is an optimisation only: any failure to find, read, trust or write it just means compiling as usual.

import { isAscii } from 'node:buffer';
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * The stamp on the first line of a bundle, a hash of its content the build writes there:
 * `/*juno-build:0123456789abcdef*\/`; undefined without one. Read without a regular expression, which would cost as
 * much as the rest of reading a cache in the boot, compiled at every start.
 */
export function buildStamp(source: string): string | undefined {
  const prefix = '/*juno-build:';
  const end = prefix.length + 16;
  if (!source.startsWith(prefix) || !source.startsWith('*/', end)) return undefined;
  for (let i = prefix.length; i < end; i++) {
    const code = source.charCodeAt(i);
    if (!((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66))) return undefined;
  }
  return source.slice(prefix.length, end);
}

/** Where the cache files are kept, and the folder below which juno may create that folder. */
export interface CacheFolder {
  dir: string;
  /** A folder that must exist already (`$HOME`); without one, any missing parent of `dir` may be created. */
  within?: string;
}

/**
 * The user's own cache folder: `$XDG_CACHE_HOME/juno`, else `$HOME/.cache/juno`, as the XDG base directory
 * specification has it; relative values are ignored, as it asks, so that nothing is created in the working
 * directory. Never a shared temp folder. Null when there is no such folder, or no user id to check it against.
 */
export function userCacheFolder(env: NodeJS.ProcessEnv = process.env): CacheFolder | null {
  if (process.getuid === undefined) return null;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return { dir: join(xdg, 'juno') };
  const home = env.HOME;
  if (home && isAbsolute(home)) {
    const dir = join(home, '.cache', 'juno');
    return { dir, within: dirname(dirname(dir)) };
  }
  return null;
}

/**
 * A folder nobody else can have written to: a real directory (not a symlink), owned by this user, with no
 * permission for group or others. Checked before every read and every write.
 */
export function isPrivateDir(dir: string): boolean {
  try {
    const info = lstatSync(dir);
    return info.isDirectory() && info.uid === process.getuid?.() && (info.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

/**
 * Creates the cache folder and its missing parents with mode 0700, but only inside a folder this user owns: run
 * through sudo with another user's `$HOME`, juno leaves that home alone. A home folder is never created.
 */
export function makePrivateDir({ dir, within }: CacheFolder): boolean {
  if (isPrivateDir(dir)) return true;
  const missing: string[] = [];
  let path = dir;
  let existing = statSync(path, { throwIfNoEntry: false });
  while (!existing) {
    if (path === within || dirname(path) === path) return false;
    missing.push(path);
    path = dirname(path);
    existing = statSync(path, { throwIfNoEntry: false });
  }
  if (!existing.isDirectory() || existing.uid !== process.getuid?.()) return false;
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      // Another juno starting at the same moment may have made it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return isPrivateDir(dir);
}

/**
 * A cache file is a header and V8's data. The header is a line naming the format, the build, the Node version,
 * the architecture and the variant, padded with spaces so that the data starts at a multiple of 8 bytes, then
 * the data's length and its CRC-32 as little-endian 32-bit numbers. A file whose header or checksum does not
 * match is not given to V8: a few damaged bytes in V8's data can crash the process rather than be rejected.
 */
function headerLine(key: string): { text: string; length: number } {
  const text = `juno-code-cache 2 ${key}`;
  return { text, length: Math.ceil((text.length + 1 + 8) / 8) * 8 };
}

/** The header of a cache file for `key` holding `data`. */
function cacheHeader(key: string, data: Uint8Array): Buffer {
  const { text, length } = headerLine(key);
  const header = Buffer.alloc(length, ' ');
  header.write(text, 0, 'latin1');
  header[length - 9] = 0x0a;
  header.writeUInt32LE(data.length, length - 8);
  header.writeUInt32LE(checksum(data), length - 4);
  return header;
}

/**
 * CRC-32 detects damage, not tampering (the folder's checks are for that). It is node:zlib's, taken from Node's
 * own zlib binding: loading node:zlib itself loads Node's stream modules, which cost more than the rest of
 * checking a cache (1.4 ms against 0.14 ms for a 236 KB cache, Node 20, in a fresh process). `process.binding` is
 * deprecated (DEP0111) but serves zlib on Node 20, 22 and 24; it warns only under `--pending-deprecation`, and
 * that warning is kept quiet here, since juno prints nothing of its own making on stderr. Where the binding is
 * gone or has no crc32, node:zlib is loaded as before; both compute the same CRC-32, so a cache file is the same
 * either way. Checking a 250 KB cache like this costs less CPU than a checksum computed in JavaScript or
 * node:crypto's (measured on Node 20 to 26), and than one in WebAssembly (Node 20: compiling the module, and V8
 * compiling it again with its optimising compiler once it has hashed some 120 KB, cost as much as node:zlib).
 */
export function checksum(data: Uint8Array): number {
  crc32 ??= zlibBinding()?.crc32 ?? process.getBuiltinModule('node:zlib').crc32;
  return crc32(data, 0);
}
type Crc32 = (data: Uint8Array, value: number) => number;
let crc32: Crc32 | undefined;

function zlibBinding(): { crc32: Crc32 } | undefined {
  const quiet = process.noDeprecation;
  try {
    process.noDeprecation = true;
    const binding = (process as unknown as { binding?(name: string): { crc32?: unknown } }).binding?.('zlib');
    return typeof binding?.crc32 === 'function' ? (binding as { crc32: Crc32 }) : undefined;
  } catch {
    return undefined;
  } finally {
    process.noDeprecation = quiet;
  }
}

/**
 * A program's bytes, in a buffer with room for its cache file after them: memory a process has not touched yet
 * costs a page fault per 4 KB on first use, some 0.2 ms for a 250 KB cache read into a buffer of its own.
 */
function readProgram(file: string): { bytes: Buffer; scratch: Buffer } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const scratch = Buffer.allocUnsafeSlow(Math.max(size, SCRATCH_BYTES));
    return { bytes: scratch.subarray(0, readInto(fd, scratch, size)), scratch };
  } finally {
    closeSync(fd);
  }
}
/** Reads up to `size` bytes of `fd` into the start of `buffer`; how many it read (fewer at the file's end). */
function readInto(fd: number, buffer: Buffer, size: number): number {
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return read;
}
/** Room for the source or the cache of a program (some 200 to 300 KB each); pages never touched cost nothing. */
const SCRATCH_BYTES = 1024 * 1024;

/**
 * V8's data from a cache file, or undefined when the file is missing, not this user's own, or damaged; read into
 * `scratch` when it is large enough.
 */
function readCache(file: string, key: string, scratch?: Buffer): Buffer | undefined {
  const { text, length } = headerLine(key);
  const content = readOwnFile(file, MAX_CACHE_BYTES, scratch);
  if (content === undefined || content.length <= length) return undefined;
  // Read with Buffer's own Latin-1 slice and byte arithmetic: the boot compiles each helper it calls at every
  // start, and Buffer's JavaScript methods are compiled on first use too.
  const line = latin1(content, length - 8);
  if (line !== `${text}${' '.repeat(length - 9 - text.length)}\n`) return undefined;
  const data = content.subarray(length);
  if (uint32At(content, length - 8) !== data.length) return undefined;
  return uint32At(content, length - 4) === checksum(data) ? data : undefined;
}

/**
 * The first `end` bytes as Latin-1 text: with the Latin-1 slice Node gives every Buffer (what `toString('latin1')`
 * ends in, without the three JavaScript functions before it, compiled on first use), or `toString` without one.
 */
function latin1(bytes: Buffer, end: number): string {
  const slice = (bytes as Buffer & { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
  return typeof slice === 'function' ? slice.call(bytes, 0, end) : bytes.toString('latin1', 0, end);
}

/** The little-endian 32-bit number at `offset`. */
function uint32At(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset] as number) |
      ((bytes[offset + 1] as number) << 8) |
      ((bytes[offset + 2] as number) << 16) |
      ((bytes[offset + 3] as number) << 24)) >>>
    0
  );
}

/**
 * A file of the cache folder, whole, or undefined when it is missing, not a regular file of this user's own, open
 * to others' writing, larger than `max` bytes, or unreadable. What lstat would show is asked of the file opened (a
 * symlink is refused), so that nothing can be swapped in between the check and the read; opened non-blocking, so
 * that a FIFO cannot stall the start. The bytes are at the start of `scratch` when it is large enough, else in memory
 * of their own: either way at the start of an allocation, aligned as V8 wants its data.
 */
export function readOwnFile(file: string, max: number, scratch?: Buffer): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (!info.isFile() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) return undefined;
    if (info.size > max) return undefined;
    const content =
      scratch !== undefined && scratch.length >= info.size
        ? scratch.subarray(0, info.size)
        : Buffer.allocUnsafeSlow(info.size);
    return readInto(fd, content, content.length) === content.length ? content : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
/** Far above a real cache (some 250 KB); a larger file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Writes a cache file aside, flushed to disk, then renames it into place: a reader never sees half a file. */
export function writeOwnFile(file: string, data: Uint8Array | readonly Uint8Array[]): void {
  const partial = `${file}.${process.pid}`;
  rmSync(partial, { force: true });
  const fd = openSync(
    partial,
    fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0),
    0o600,
  );
  try {
    try {
      writeFileSync(fd, Array.isArray(data) ? Buffer.concat(data) : (data as Uint8Array));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** A program run through `loadWithCodeCache`, with what writing its cache later needs. */
export interface CachedModule {
  /** The bundle, and what it exports. */
  file: string;
  exports: unknown;
  /** The build stamp of the bundle; undefined for one without. */
  build: string | undefined;
  /** Whether V8 used a cache file for this load. */
  cacheUsed: boolean;
  /** The cache folder, and the file of this bundle, build, Node and variant in it; null without either. */
  folder: CacheFolder | null;
  cacheFile: string | null;
  /** The header's key: `<build>-<node>-<arch>-<variant>`. */
  key: string;
  script: Script;
}

/**
 * Runs a CommonJS bundle like `require(file)` would, with V8's code cache kept in `folder`; the bundle's own
 * `require` is `requireFrom`, which must resolve as a `require` in the bundle's folder would. A bundle without
 * a build stamp is run without a cache, since nothing else tells two of its versions apart reliably. This is the
 * boot's work at every start: what only writing a cache needs is in `saveCodeCache`, which the program calls (the
 * boot is compiled at every start, the program is not).
 */
export function loadWithCodeCache(
  file: string,
  requireFrom: NodeJS.Require,
  folder: CacheFolder | null = userCacheFolder(),
  variant = '',
): CachedModule {
  const { bytes, scratch } = readProgram(file);
  // The build writes ASCII only (esbuild escapes the rest): read as Latin-1, the same text is made faster.
  const source = isAscii(bytes) ? latin1(bytes, bytes.length) : bytes.toString('utf8');
  const buildId = buildStamp(source);
  const key = `${buildId}-${process.version}-${process.arch}${variant ? `-${variant}` : ''}`;
  const cacheFile = buildId && folder ? join(folder.dir, `${key}.bin`) : null;
  // The source is a string now: its buffer takes in the cache.
  const cachedData =
    cacheFile && isPrivateDir(dirname(cacheFile)) ? readCache(cacheFile, key, scratch) : undefined;
  // The same wrapper Node uses for CommonJS modules, kept on the first line so that line numbers match the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected !== true;
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, requireFrom, module, file, dirname(file));
  return { file, exports: module.exports, build: buildId, cacheUsed, folder, cacheFile, key, script };
}

/**
 * Writes the cache of a program when there was none, or it was damaged, or V8 rejected it. Called when the
 * program is done (process `exit`), so that the functions compiled while it ran are in the cache too. Returns the
 * file written, if any.
 */
export function saveCodeCache({
  cacheUsed,
  cacheFile,
  folder,
  key,
  build,
  script,
}: CachedModule): string | null {
  if (cacheUsed || !cacheFile || !folder) return null;
  try {
    if (!makePrivateDir(folder)) return null;
    const data = script.createCachedData();
    writeOwnFile(cacheFile, [cacheHeader(key, data), data]);
    pruneOtherBuilds(folder.dir, build as string);
    return cacheFile;
  } catch {
    return null;
  }
}

/**
 * When a cache is written, the files of older builds (an upgrade, a rebuild) are removed, keeping this build's
 * and those of the `KEPT_BUILDS - 1` others written most recently, so that two installed versions used in turn
 * do not remove each other's caches. Files left half-written by an interrupted run go with their build.
 */
function pruneOtherBuilds(cacheDir: string, buildId: string): void {
  const newest = new Map<string, number>();
  const files: [name: string, build: string][] = [];
  for (const name of readdirSync(cacheDir)) {
    if (!CACHE_FILE.test(name)) continue;
    const build = name.slice(0, 16);
    files.push([name, build]);
    if (build === buildId) continue;
    const written = statSync(join(cacheDir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    newest.set(build, Math.max(newest.get(build) ?? 0, written));
  }
  const kept = new Set(
    [...newest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, KEPT_BUILDS - 1)
      .map(([build]) => build),
  );
  kept.add(buildId);
  for (const [name, build] of files) if (!kept.has(build)) rmSync(join(cacheDir, name), { force: true });
}
const KEPT_BUILDS = 3;
/** The files of a build: its code caches and its imported timelines (../timeline-cache.ts), or one half-written. */
const CACHE_FILE = /^[0-9a-f]{16}-(v[\w.-]+\.bin|timeline-[0-9a-f]{8}\.json)(\.\d+)?$/;
