// Which state of openstack/releases an update read, for series.json's `snapshot` (shown by `juno series --about`
// and the outdated-data warning): a checkout's last commit and its day; a copy that is not a git checkout says
// so in its README ("commit 02df7c9a3 of 2026-08-21"); over HTTP, the branch or commit in the URL, on the day read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Day } from '../../timeline/day.js';
import type { SeriesSnapshot } from '../../timeline/series.js';
import { gitLog } from '../git.js';

export const UPSTREAM_REPOSITORY = 'https://opendev.org/openstack/releases';

/** The last commit of a git checkout, as its hash and its day; null without git or outside a repository. */
function gitHead(folder: string, env: NodeJS.ProcessEnv): { commit: string; date: Day } | null {
  const match = /^([0-9a-f]{7,64}) (\d{4}-\d{2}-\d{2})$/.exec(gitLog(folder, '%H %cs', [], env) ?? '');
  return match ? { commit: match[1] as string, date: match[2] as Day } : null;
}

/** "… commit 02df7c9a3 of 2026-08-21 …" in a copy's README. */
function readmeHead(folder: string): { commit: string; date: Day } | null {
  const readme = join(folder, 'README.md');
  if (!existsSync(readme)) return null;
  const text = readFileSync(readme, 'utf8').slice(0, 20_000).replace(/\s+/g, ' ');
  const match = /\bcommit ([0-9a-f]{7,64}) of (\d{4}-\d{2}-\d{2})\b/.exec(text);
  return match ? { commit: match[1] as string, date: match[2] as Day } : null;
}

/** A checkout on disk: its git head, else what its README says, else unknown, read today. */
export function checkoutSnapshot(folder: string, env: NodeJS.ProcessEnv, today: Day): SeriesSnapshot {
  const head = gitHead(folder, env) ?? readmeHead(folder) ?? { commit: 'unknown', date: today };
  return { ...head, source: UPSTREAM_REPOSITORY };
}

/** A base URL: opendev's `…/raw/branch/<name>` or `…/raw/commit/<hash>` names what it serves; read today. */
export function urlSnapshot(base: string, today: Day): SeriesSnapshot {
  const ref = /\/raw\/(?:branch|commit|tag)\/([^/]+)$/.exec(base)?.[1];
  const opendev = base.startsWith(`${UPSTREAM_REPOSITORY}/`);
  return {
    commit: ref ? decodeURIComponent(ref) : 'unknown',
    date: today,
    source: opendev ? UPSTREAM_REPOSITORY : base,
  };
}
