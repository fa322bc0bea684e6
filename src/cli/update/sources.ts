// Where `juno update` reads openstack/releases from: a checkout on disk (`--from`) or a base URL under which the
// repository's files lie at their paths (`--url`, by default opendev's raw files of the master branch). Either way
// the importer sees one function, `read(path)`: a file's text, or null when the repository has no such file.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { oneLine } from '../../timeline/text.js';
import { RemoteError, UsageError } from '../errors.js';
import { readText } from '../read.js';
import { quoted } from '../usage.js';
import { type Fetch, fetchFile, type HttpLimits, type Validators } from './http.js';

/** A repository file's text by its path (`data/series_status.yaml`), or null when there is no such file. */
export type ReadRepoFile = (path: string) => Promise<string | null>;

/** openstack/releases' files as opendev serves them raw, from the master branch. */
export const DEFAULT_BASE_URL = 'https://opendev.org/openstack/releases/raw/branch/master';

/** The file every checkout has, that says it is one. */
export const SERIES_STATUS = 'data/series_status.yaml';

/** A relative path of plain names: nothing the importer asks for can reach outside the repository. */
function checkedPath(path: string): string {
  const parts = path.split('/');
  if (parts.some((part) => !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(part)))
    throw new Error(`not a repository path: ${oneLine(path)}`);
  return path;
}

/** A checkout of openstack/releases on disk; files are read as `--timeline` reads them. */
export function checkoutSource(folder: string): { label: string; read: ReadRepoFile } {
  const root = resolve(folder);
  if (!existsSync(join(root, SERIES_STATUS))) {
    throw new RemoteError(
      `${oneLine(folder)}: no ${SERIES_STATUS} there: not a checkout of openstack/releases`,
      'git clone https://opendev.org/openstack/releases, then juno update --from releases',
    );
  }
  return {
    label: root,
    async read(path) {
      const file = join(root, checkedPath(path));
      if (!existsSync(file)) return null;
      return (await readText(file)).text;
    },
  };
}

/** What an earlier `--url` update kept of each file: its validators, and where its text is kept. */
export interface RememberedFile extends Validators {
  /** The repository path; its text is kept under `upstream/` in the data folder. */
  path: string;
}

export interface HttpSourceOptions {
  limits: HttpLimits;
  /** By URL, from the data in use. */
  remembered: ReadonlyMap<string, RememberedFile>;
  /** The text kept of a repository file by the data in use, for a 304 answer. */
  keptText(path: string): string | null;
  fetch?: Fetch;
}

/**
 * What a `--url` update read: by URL, the validators and text of each file the server gave (`fresh`) or confirmed
 * unchanged since the last update.
 */
export type HttpHarvest = Map<string, RememberedFile & { text: string; fresh: boolean }>;

/** The base URL as given, checked: http or https, no query, no credentials; without a trailing slash. */
export function baseUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--url ${quoted(given)}: not a URL`, `e.g. --url ${DEFAULT_BASE_URL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UsageError(`--url ${quoted(given)}: juno reads http and https URLs only`);
  if (url.username || url.password || url.search || url.hash)
    throw new UsageError(
      `--url ${quoted(given)}: a base URL has no credentials, query or fragment`,
      `e.g. --url ${DEFAULT_BASE_URL}`,
    );
  return url.href.replace(/\/+$/, '');
}

/** openstack/releases under a base URL; `harvest` collects what was read, for the next update to ask less. */
export function httpSource(
  base: string,
  options: HttpSourceOptions,
): { label: string; read: ReadRepoFile; harvest: HttpHarvest } {
  const harvest: HttpHarvest = new Map();
  return {
    label: base,
    harvest,
    async read(path) {
      const url = `${base}/${checkedPath(path)}`;
      let known = options.remembered.get(url);
      const kept = known ? options.keptText(path) : null;
      if (kept === null) known = undefined;
      const answer = await fetchFile(url, known, options.limits, options.fetch);
      if (answer.status === 'missing') return null;
      if (answer.status === 'not-modified') {
        harvest.set(url, { ...(known as RememberedFile), path, text: kept as string, fresh: false });
        return kept;
      }
      harvest.set(url, { ...answer.validators, path, text: answer.text, fresh: true });
      return answer.text;
    },
  };
}

/** Requests at once to a server, when files are asked for ahead of the importer. */
const PARALLEL = 6;

/** The series data/series_status.yaml lists, read loosely: only to ask for their schedules early. */
function listedSeries(text: string): string[] {
  return [...text.matchAll(/^-\s+name:\s*([a-z][a-z0-9-]*)\s*$/gm)].map((m) => m[1] as string);
}

/**
 * `read` that asks each path once (the importer may look at a neighbour's page for several series), and tells
 * `onRead` of each file as it is asked for, for the progress line. With `ahead`, the schedules of every listed
 * series, and each found schedule's page, are asked for before the importer gets to them, a few at a time: over
 * the network that is the difference between one round trip per file and a few in all.
 */
export function onceEach(
  read: ReadRepoFile,
  onRead: (path: string, count: number) => void,
  { ahead = false }: { ahead?: boolean } = {},
): ReadRepoFile {
  const asked = new Map<string, Promise<string | null>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const slot = async () => {
    if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const get = (path: string): Promise<string | null> => {
    let answer = asked.get(path);
    if (answer === undefined) {
      onRead(path, asked.size + 1);
      answer = ahead ? slot().then(() => read(path).finally(release)) : read(path);
      asked.set(path, answer);
      // Asked for ahead, a failure is reported when the importer asks, not as an unhandled rejection.
      answer.catch(() => undefined);
      if (ahead) answer.then((text) => text !== null && readAhead(path, text)).catch(() => undefined);
    }
    return answer;
  };
  const readAhead = (path: string, text: string) => {
    if (path === SERIES_STATUS)
      for (const name of listedSeries(text)) if (name !== 'juno') get(`doc/source/${name}/schedule.yaml`);
    const schedule = /^doc\/source\/([a-z0-9-]+)\/schedule\.yaml$/.exec(path);
    if (schedule) get(`doc/source/${schedule[1]}/schedule.rst`);
  };
  return get;
}
