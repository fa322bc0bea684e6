// Node 20 has no compile cache for modules (Node 22's `module.enableCompileCache()` is one), so the bundle is run
// through `vm.Script` with V8's cached data: with a valid cache V8 skips parsing and compiling the program.
// The cache is an optimisation only: any failure to find, read, trust or write it just means compiling as usual.
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/** The first line of a bundle the build stamps with a hash of its content: `/*juno-build:0123456789abcdef*\/`. */
const BUILD_ID = /^\/\*juno-build:([0-9a-f]{16})\*\//;

/**
 * One directory per user under the temp folder; nobody else may own or write to it. The temp folder is found as
 * `os.tmpdir()` finds it on POSIX systems, without loading node:os, which is a noticeable part of start-up.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const temp = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return join(
    temp.length > 1 && temp.endsWith('/') ? temp.slice(0, -1) : temp,
    `juno-code-cache-${process.getuid?.() ?? 'user'}`,
  );
}

function isPrivateDir(dir: string): boolean {
  try {
    const info = lstatSync(dir);
    if (!info.isDirectory()) return false;
    const uid = process.getuid?.();
    return uid === undefined || (info.uid === uid && (info.mode & 0o077) === 0);
  } catch {
    return false;
  }
}

export interface CachedModule {
  exports: unknown;
  /** Whether V8 used a cache file for this load. */
  cacheUsed: boolean;
  /**
   * Writes the cache when there was none or V8 rejected it. Call it when the program is done (process `exit`),
   * so that the functions compiled while it ran are in the cache too. Returns the file written, if any.
   */
  save(): string | null;
}

/**
 * Runs a CommonJS bundle like `require(file)` would, with V8's code cache kept in `cacheDir`; the bundle's own
 * `require` is `requireFrom`, which must resolve as a `require` in the bundle's folder would. A bundle without
 * a build stamp is run without a cache, since nothing else tells two of its versions apart reliably.
 */
export function loadWithCodeCache(
  file: string,
  requireFrom: NodeJS.Require,
  cacheDir: string = defaultCacheDir(),
  variant = '',
): CachedModule {
  const source = readFileSync(file, 'utf8');
  const buildId = BUILD_ID.exec(source)?.[1];
  const cacheFile = buildId
    ? join(cacheDir, `${buildId}-${process.version}-${process.arch}${variant ? `-${variant}` : ''}.bin`)
    : null;
  let cachedData: Buffer | undefined;
  if (cacheFile && isPrivateDir(cacheDir)) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
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
  return {
    exports: module.exports,
    cacheUsed,
    save() {
      if (cacheUsed || !cacheFile) return null;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        if (!isPrivateDir(cacheDir)) return null;
        // Written aside and renamed, so that a concurrent run never reads half a file.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        try {
          renameSync(partial, cacheFile);
        } catch (error) {
          rmSync(partial, { force: true });
          throw error;
        }
        pruneOtherBuilds(cacheDir, buildId as string);
        return cacheFile;
      } catch {
        return null;
      }
    },
  };
}

/**
 * When a cache is written, the files of older builds (an upgrade, a rebuild) are removed, keeping this build's
 * and those of the `KEPT_BUILDS - 1` others written most recently, so that two installed versions used in turn
 * do not remove each other's caches.
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
const CACHE_FILE = /^[0-9a-f]{16}-v[\w.-]+\.bin$/;

/**
 * The cache variant for a command line: the command and the options given (not their values, except the
 * format's), such as `schedule.date` or `schedule.date.format-json`. A cache holds the functions its first run
 * compiled, so each shape of command line gets its own; anything unusual shares `other`.
 */
export function cacheVariant(argv: readonly string[]): string {
  const [command = '', ...rest] = argv;
  if (!/^[a-z]{2,12}$/.test(command)) return 'other';
  const parts = new Set<string>();
  const end = rest.indexOf('--');
  (end === -1 ? rest : rest.slice(0, end)).forEach((arg, i) => {
    const option = /^--?([a-z][a-z-]*)(=.*)?$/.exec(arg);
    if (!option) return;
    const name = option[1] === 'f' ? 'format' : (option[1] as string);
    const value = option[2]?.slice(1) ?? rest[i + 1] ?? '';
    parts.add(name === 'format' && /^[a-z]{1,10}$/.test(value) ? `format-${value}` : name);
  });
  const variant = [command, ...[...parts].sort()].join('.');
  return variant.length <= 80 ? variant : 'other';
}
