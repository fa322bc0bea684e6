// For every test run: a temp folder of the run's own, removed at the end, so that a run leaves nothing in the
// shared temp folder. Tests make their files with `tmpdir()`, which reads TMPDIR; juno's code cache, which it
// keeps in the user's cache folder ($XDG_CACHE_HOME/juno), goes in there too, so that spawned tests neither share
// the developer's cache nor leave one. Folders of runs that were interrupted before cleaning up are removed.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'juno-tests-';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the folders of earlier runs whose process is gone (a run stopped with Ctrl-C, or killed). */
function removeAbandoned(parent: string): void {
  for (const name of readdirSync(parent)) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid)))
      rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export default function setup(): () => void {
  const parent = tmpdir();
  removeAbandoned(parent);
  const dir = mkdtempSync(join(parent, `${PREFIX}${process.pid}-`));
  // Tests that run juno as another account (as root, `nobody`) give it folders inside this one.
  chmodSync(dir, 0o755);
  const cache = join(dir, 'cache');
  mkdirSync(cache, { mode: 0o700 });
  const saved = { TMPDIR: process.env.TMPDIR, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  process.env.TMPDIR = dir;
  process.env.XDG_CACHE_HOME = cache;
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
