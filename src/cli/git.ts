// When the files a timeline was read from were last committed, for calendars whose bytes are the same from every
// checkout of a repository (a clone's files all carry the time of the clone), and whose revision moves with each
// committed edit. Spawning git costs milliseconds, so only `export`, `publish` and `juno update --from` ask.
import { spawnSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { userDataFolder } from './load.js';
import { isJunoData } from './read.js';

/** Long enough for a large repository on a slow disk; a git that hangs is given up on. */
const GIT_TIMEOUT_MS = 10_000;

/**
 * `git log -1 --format=FORMAT -- PATHS` run in `folder` with the environment given, its output trimmed; null, silently,
 * without git, outside a repository, or on any failure. Only `git log` runs, with signature checks and the
 * file-system monitor off, so that a repository's configuration starts no program.
 */
export function gitLog(
  folder: string,
  format: string,
  paths: readonly string[],
  env: NodeJS.ProcessEnv,
): string | null {
  const args = [
    '-c',
    'core.fsmonitor=false',
    '--no-pager',
    'log',
    '-1',
    '--no-show-signature',
    `--format=${format}`,
  ];
  const result = spawnSync('git', [...args, '--', ...paths], {
    cwd: folder,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: GIT_TIMEOUT_MS,
    windowsHide: true,
  });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim();
}

/**
 * The date of the last commit touching any of `files` (`git log -1 --format=%cI`), run from the first file's
 * folder. Null for files git does not track, or whenever `gitLog` is: the caller falls back to the file's
 * modification time.
 */
export function lastCommitDate(files: readonly string[], env: NodeJS.ProcessEnv): Date | null {
  const first = files[0];
  // juno's own data, bundled or written by `juno update`, is dated by what it says (its `updated`, its snapshot),
  // the same in a checkout of juno as in an installed package, which has no history.
  const updates = userDataFolder(env);
  const own = (file: string) => isJunoData(file) || (updates !== null && file.startsWith(`${updates}/`));
  if (first === undefined || files.every(own)) return null;
  const folder = dirname(resolve(first));
  const paths = files.map((file) => relative(folder, resolve(file)) || '.');
  const text = gitLog(folder, '%cI', paths, env);
  if (text === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
